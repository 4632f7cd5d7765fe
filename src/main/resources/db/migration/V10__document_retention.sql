-- Retention removes a filed document's content with the incident's personal data (docs/adr/0012): the row
-- stays, with its SHA-256, as the record of what was filed when.
alter table incident_document alter column content drop not null;
alter table incident_document add column removed_at timestamp with time zone;
