package se.breachflow.access.oidc;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /logout}: a page with the one button that logs out of breachflow and of the provider
 * ({@code POST /logout}, {@link OidcSecurity}). A link can point here (a link cannot POST); Tasklist comes here
 * after its own logout button (which ends breachflow's session only) and instead of its password form.
 */
@RestController
@Profile("oidc")
class OidcLogoutPage {

  @GetMapping(path = "/logout", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    return """
        <!DOCTYPE html>
        <html lang="sv">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Logga ut</title><link rel="stylesheet" href="/start.css"></head>
        <body><main>
        <h1>Logga ut</h1>
        <p>Logga ut från hanteringen av personuppgiftsincidenter och från kommunens inloggning, så att ingen annan
        kan fortsätta i ditt namn på den här datorn.</p>
        <form method="post" action="/logout"><button type="submit">Logga ut</button></form>
        <p><a href="/camunda/app/tasklist/">Logga in igen</a> · <a href="/">Till startsidan</a></p>
        </main></body>
        </html>
        """;
  }
}
