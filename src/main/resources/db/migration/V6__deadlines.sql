-- The 72-hour clock (issue 4): the reasons for a late notification (Art. 33(1)), and for a processor's
-- breach the time the processor told the controller, from which the deadline runs (Art. 33(2)).
alter table incident add column imy_late_reason varchar(20000);
alter table incident add column processor_notified_at timestamp with time zone;
