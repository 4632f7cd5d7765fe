package se.breachflow.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a significant incident under cybersäkerhetslagen is reported ({@code breachflow.cyber.authority.*}):
 * configuration, not code, because the receiving CSIRT and its channel may change by ordinance (docs/cyber.md).
 * The defaults are cybersäkerhetsförordningen (2025:1507) 6 and 31 §§ as issued: the CSIRT unit of Myndigheten
 * för civilt försvar; check them before relying on them.
 *
 * @param name the authority as the documents name it
 * @param unit the receiving unit
 * @param channel how the reports are filed (e-service, address), as the documents tell the reader
 */
@ConfigurationProperties(prefix = "breachflow.cyber.authority")
public record CyberAuthority(
    @DefaultValue("Myndigheten för civilt försvar") String name,
    @DefaultValue("CSIRT-enheten") String unit,
    @DefaultValue("Enligt myndighetens anvisningar för incidentrapportering (kontrollera aktuell rapporteringsväg)")
    String channel) {}
