-- A number handed out but not yet used by a committed report (IncidentNumbers). The counter is incremented in a
-- short transaction of its own, so that its row lock no longer serialises whole reports; the report's own
-- transaction deletes the reservation. A reservation left behind (the report rolled back, or the node died
-- before committing) is a hole in the series, and the next report takes it.
create table number_reservation (
  series       varchar(8)                 not null,
  number_year  integer                    not null,
  number_value integer                    not null,
  reserved_at  timestamp with time zone   not null,
  primary key (series, number_year, number_value)
);
