-- /actuator/health writes this row (operations/DatabaseHealthIndicator): a database that still answers reads
-- but can no longer write (a full disk, a read-only file system) is DOWN.
create table health_probe (
  id         int primary key,
  checked_at timestamp with time zone
);

insert into health_probe (id) values (1);
