-- Issue 18: the DPO advises, the controller decides; the facts IMY's e-service asks for; IMY's order.

-- The DPO's advice (the decision's columns are now the controller's decision)
alter table incident add column dpo_advice_not_a_breach boolean;
alter table incident add column dpo_advice_notify_imy boolean;
alter table incident add column dpo_advice_inform_data_subjects boolean;
alter table incident add column dpo_advice_reasons varchar(20000);
alter table incident add column dpo_advised_by varchar(255);
alter table incident add column dpo_advised_at timestamp with time zone;
alter table incident add column inform_urgently boolean;

-- The report: when it ended, how many records, which groups, the security measures before it
alter table incident add column ended_at timestamp with time zone;
alter table incident add column record_count integer;
alter table incident add column data_subject_groups varchar(500) default '' not null;
alter table incident add column security_measures_before varchar(20000);

-- The notification: where IMY contacts the controller, when the data subjects are to be told; the supplement
alter table incident add column imy_contact_address varchar(2000);
alter table incident add column data_subjects_planned_at timestamp with time zone;
alter table incident add column supplement_kind varchar(32);

-- IMY's order to inform the data subjects (Art. 34(4))
alter table incident add column imy_order_received_at timestamp with time zone;
alter table incident add column imy_order_deadline timestamp with time zone;
alter table incident add column imy_order_recorded_by varchar(255);
