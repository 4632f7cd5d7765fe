-- Issue 20: a significant incident under cybersäkerhetslagen (2025:1506) 2 kap. 5-8 §§ runs a second track in
-- the same case: the report within 24 hours of awareness (5 §), the incident notification within 72 hours (6 §),
-- a progress report (lägesrapport) or the final report one month after the notification (8 §).

-- Whether it is a significant incident, and who decided it
alter table incident add column cyber_significant boolean;
alter table incident add column cyber_significant_reason varchar(20000);
alter table incident add column cyber_decided_by varchar(255);
alter table incident add column cyber_decided_at timestamp with time zone;

-- The deadlines, fixed when the track starts (the final report's when the notification is filed)
alter table incident add column cyber_early_warning_deadline timestamp with time zone;
alter table incident add column cyber_notification_deadline timestamp with time zone;
alter table incident add column cyber_final_report_deadline timestamp with time zone;

-- The reports as filed
alter table incident add column cyber_early_warning_filed_at timestamp with time zone;
alter table incident add column cyber_early_warning_reference varchar(200);
alter table incident add column cyber_early_warning_late_reason varchar(20000);
alter table incident add column cyber_early_warning_by varchar(255);
alter table incident add column cyber_notification_filed_at timestamp with time zone;
alter table incident add column cyber_notification_reference varchar(200);
alter table incident add column cyber_notification_late_reason varchar(20000);
alter table incident add column cyber_notification_by varchar(255);
alter table incident add column cyber_progress_report_filed_at timestamp with time zone;
alter table incident add column cyber_progress_report_reference varchar(200);
alter table incident add column cyber_progress_report_late_reason varchar(20000);
alter table incident add column cyber_progress_report_by varchar(255);
alter table incident add column cyber_final_report_filed_at timestamp with time zone;
alter table incident add column cyber_final_report_reference varchar(200);
alter table incident add column cyber_final_report_late_reason varchar(20000);
alter table incident add column cyber_final_report_by varchar(255);

-- The delrapport the authority may ask for (7 §): when it asked, by when, and the report as filed
alter table incident add column cyber_intermediate_requested_at timestamp with time zone;
alter table incident add column cyber_intermediate_due timestamp with time zone;
alter table incident add column cyber_intermediate_report_filed_at timestamp with time zone;
alter table incident add column cyber_intermediate_report_reference varchar(200);
alter table incident add column cyber_intermediate_report_late_reason varchar(20000);
alter table incident add column cyber_intermediate_report_by varchar(255);

-- What the reports say beyond the IMY notification's facts (NIS2 Art. 23(4))
alter table incident add column cyber_malicious varchar(16);
alter table incident add column cyber_cross_border boolean;
alter table incident add column cyber_severity_impact varchar(20000);
alter table incident add column cyber_indicators varchar(20000);
alter table incident add column cyber_root_cause varchar(20000);
alter table incident add column cyber_mitigation varchar(20000);
alter table incident add column cyber_handled_at timestamp with time zone;

-- Optional flags with a date
alter table incident add column cyber_police_reported_at timestamp with time zone;
alter table incident add column cyber_security_service_informed_at timestamp with time zone;
