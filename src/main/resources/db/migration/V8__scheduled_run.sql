-- Scheduled work that must run once for all nodes (several nodes share one database): each job claims its
-- row with SELECT ... FOR UPDATE, and runs only if no node has run it in the last minutes.
create table scheduled_run (
  name        varchar(64) primary key,
  last_run_at timestamp with time zone
);

insert into scheduled_run (name) values ('retention');
