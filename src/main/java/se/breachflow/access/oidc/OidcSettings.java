package se.breachflow.access.oidc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider and how its tokens become breachflow's people and roles ({@code breachflow.oidc},
 * {@code application-oidc.yml}, README "Logga in med Entra ID").
 */
@ConfigurationProperties(prefix = "breachflow.oidc")
public class OidcSettings {

  /** The provider's issuer, e.g. {@code https://login.microsoftonline.com/<tenant>/v2.0}; its discovery is read at start. */
  private String issuerUri;
  private String clientId;
  private String clientSecret;
  /** Bearer tokens must name one of these in {@code aud}; empty = the client id. */
  private List<String> audiences = new ArrayList<>();
  private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));
  /** The stable user id: {@code sub} for any provider, {@code oid} for Entra ID (the same in every app of the tenant). */
  private String userIdClaim = "sub";
  private String nameClaim = "name";
  private String emailClaim = "email";
  /**
   * A bearer token must carry one of these to be an access token (AccessTokensOnly): Entra ID's {@code scp}
   * (delegated scopes) and {@code roles} (application permissions), {@code scope} elsewhere (RFC 9068).
   */
  private List<String> accessTokenClaims = new ArrayList<>(List.of("scp", "roles", "scope"));
  /** Claims holding the token's groups or app roles (a list of strings each). */
  private List<String> groupClaims = new ArrayList<>(List.of("groups", "roles"));
  /** Everyone the provider lets in is staff (may report); false: only those mapped to staff. */
  private boolean everyoneIsStaff = true;
  /** Which of the token's group values give which breachflow role. */
  private List<RoleMapping.Entry> roles = new ArrayList<>();
  /** Where the provider sends the browser after its logout ({@code {baseUrl}} = this application). */
  private String postLogoutRedirectUri = "{baseUrl}/";

  public String getIssuerUri() {
    return issuerUri;
  }

  public void setIssuerUri(String issuerUri) {
    this.issuerUri = issuerUri;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public List<String> getAudiences() {
    return audiences;
  }

  public void setAudiences(List<String> audiences) {
    this.audiences = audiences;
  }

  /** The configured audiences, or the client id when none is configured. */
  public List<String> acceptedAudiences() {
    List<String> configured = audiences.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
    return configured.isEmpty() ? List.of(clientId) : configured;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public String getUserIdClaim() {
    return userIdClaim;
  }

  public void setUserIdClaim(String userIdClaim) {
    this.userIdClaim = userIdClaim;
  }

  public String getNameClaim() {
    return nameClaim;
  }

  public void setNameClaim(String nameClaim) {
    this.nameClaim = nameClaim;
  }

  public String getEmailClaim() {
    return emailClaim;
  }

  public void setEmailClaim(String emailClaim) {
    this.emailClaim = emailClaim;
  }

  public List<String> getAccessTokenClaims() {
    return accessTokenClaims;
  }

  public void setAccessTokenClaims(List<String> accessTokenClaims) {
    this.accessTokenClaims = accessTokenClaims;
  }

  public List<String> getGroupClaims() {
    return groupClaims;
  }

  public void setGroupClaims(List<String> groupClaims) {
    this.groupClaims = groupClaims;
  }

  public boolean isEveryoneIsStaff() {
    return everyoneIsStaff;
  }

  public void setEveryoneIsStaff(boolean everyoneIsStaff) {
    this.everyoneIsStaff = everyoneIsStaff;
  }

  public List<RoleMapping.Entry> getRoles() {
    return roles;
  }

  public void setRoles(List<RoleMapping.Entry> roles) {
    this.roles = roles;
  }

  public String getPostLogoutRedirectUri() {
    return postLogoutRedirectUri;
  }

  public void setPostLogoutRedirectUri(String postLogoutRedirectUri) {
    this.postLogoutRedirectUri = postLogoutRedirectUri;
  }
}
