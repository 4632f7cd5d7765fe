-- Issue 19: one breach at a supplier, many controllers. The supplier incident holds the shared facts; each
-- affected controller's case is an ordinary incident linked to it. Data sent to a third country (Art. 44 ff.)
-- is a fact of every incident.

-- One row per year for LEV-<year>-<nnnn>, as incident_number_sequence is for PUI- (IncidentNumbers).
create table supplier_incident_number_sequence (
  number_year  integer primary key,
  last_value   integer not null
);

create table supplier_incident (
  number                          varchar(20)    primary key,
  processor                       varchar(500)   not null,
  processor_organisation_number   varchar(20)    not null,
  description                     varchar(20000) not null,
  systems                         varchar(2000),
  cause                           varchar(32)    not null,
  occurred_at                     timestamp with time zone,
  ended_at                        timestamp with time zone,
  third_country                   boolean        default false not null,
  breach_types                    varchar(200)   not null,
  data_categories                 varchar(1000)  not null,
  record_count                    integer,
  reported_by                     varchar(255)   not null,
  reported_at                     timestamp with time zone not null,
  corrected_by                    varchar(255),
  corrected_at                    timestamp with time zone
);

alter table incident add column supplier_incident_number varchar(20) references supplier_incident (number);
create index incident_supplier_incident on incident (supplier_incident_number);
alter table incident add column third_country boolean default false not null;
