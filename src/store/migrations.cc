// The schema, as numbered migrations. Never edit a migration that has shipped: add a new one.
// Dates are ISO text (YYYY-MM-DD) and instants ISO UTC text, which sort correctly as text and read
// the same in SQLite and PostgreSQL; event data is JSON text, hashed exactly as stored.
#include "store/database.h"

namespace safeguard {

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "event log", R"SQL(
CREATE TABLE streams (
  stream {text} PRIMARY KEY,
  kind {text} NOT NULL,
  version {int} NOT NULL,
  head_hash {text} NOT NULL,
  created_at {text} NOT NULL,
  updated_at {text} NOT NULL
){strict};
CREATE INDEX streams_by_kind ON streams (kind, created_at);
CREATE TABLE events (
  sequence {id},
  stream {text} NOT NULL REFERENCES streams (stream),
  version {int} NOT NULL,
  type {text} NOT NULL,
  occurred_on {text} NOT NULL,
  recorded_at {text} NOT NULL,
  actor {text} NOT NULL,
  reason {text} NOT NULL,
  data {text} NOT NULL,
  previous_hash {text} NOT NULL,
  hash {text} NOT NULL,
  UNIQUE (stream, version)
){strict};
CREATE TABLE sequences (
  name {text} PRIMARY KEY,
  value {int} NOT NULL
){strict};
)SQL"},
      {2, "people read models", R"SQL(
CREATE TABLE people (
  person_id {int} PRIMARY KEY,
  version {int} NOT NULL,
  forename {text} NOT NULL,
  middle_names {text} NOT NULL,
  surname {text} NOT NULL,
  full_name {text} NOT NULL,
  date_of_birth {text},
  expected_date_of_birth {text},
  date_of_death {text},
  sex {text} NOT NULL,
  ethnicity {text} NOT NULL,
  first_language {text} NOT NULL,
  religion {text} NOT NULL,
  disabilities {text} NOT NULL,
  address {text},
  postcode {text},
  first_recorded_at {text} NOT NULL,
  last_recorded_at {text} NOT NULL
){strict};
CREATE INDEX people_by_birth ON people (date_of_birth);
CREATE INDEX people_by_expected_birth ON people (expected_date_of_birth);
CREATE TABLE person_name_tokens (
  person_id {int} NOT NULL,
  token {text} NOT NULL,
  token_key {text} NOT NULL,
  part {text} NOT NULL,
  is_current {int} NOT NULL
){strict};
CREATE INDEX person_name_tokens_by_key ON person_name_tokens (token_key);
CREATE INDEX person_name_tokens_by_token ON person_name_tokens (token);
CREATE INDEX person_name_tokens_by_person ON person_name_tokens (person_id);
CREATE TABLE person_identifiers (
  person_id {int} NOT NULL,
  type {text} NOT NULL,
  value {text} NOT NULL
){strict};
CREATE INDEX person_identifiers_by_value ON person_identifiers (value, type);
CREATE INDEX person_identifiers_by_person ON person_identifiers (person_id);
CREATE TABLE person_addresses (
  person_id {int} NOT NULL,
  address_id {int} NOT NULL,
  line1 {text} NOT NULL,
  line2 {text} NOT NULL,
  town {text} NOT NULL,
  postcode {text} NOT NULL,
  postcode_key {text} NOT NULL,
  from_date {text} NOT NULL,
  to_date {text}
){strict};
CREATE INDEX person_addresses_by_postcode ON person_addresses (postcode_key);
CREATE INDEX person_addresses_by_person ON person_addresses (person_id);
CREATE TABLE person_relationships (
  person_id {int} NOT NULL,
  relationship_id {int} NOT NULL,
  related_person_id {int} NOT NULL,
  type {text} NOT NULL,
  from_date {text},
  to_date {text}
){strict};
CREATE INDEX person_relationships_by_person ON person_relationships (person_id);
CREATE INDEX person_relationships_by_related ON person_relationships (related_person_id);
)SQL"},
      {3, "users, sessions, access log", R"SQL(
CREATE TABLE teams (
  team_id {id},
  name {text} NOT NULL UNIQUE,
  created_at {text} NOT NULL
){strict};
CREATE TABLE users (
  user_id {id},
  username {text} NOT NULL UNIQUE,
  display_name {text} NOT NULL,
  role {text} NOT NULL,
  team_id {int} REFERENCES teams (team_id),
  agency {text} NOT NULL,
  password_hash {text} NOT NULL,
  disabled {int} NOT NULL,
  created_at {text} NOT NULL,
  updated_at {text} NOT NULL
){strict};
CREATE TABLE api_tokens (
  token_id {id},
  user_id {int} NOT NULL REFERENCES users (user_id),
  token_hash {text} NOT NULL UNIQUE,
  label {text} NOT NULL,
  created_at {text} NOT NULL,
  last_used_at {text},
  revoked_at {text}
){strict};
CREATE TABLE sessions (
  session_hash {text} PRIMARY KEY,
  user_id {int} NOT NULL REFERENCES users (user_id),
  csrf_token {text} NOT NULL,
  created_at {text} NOT NULL,
  last_seen_at {text} NOT NULL,
  expires_at {text} NOT NULL,
  ended_at {text}
){strict};
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE sign_in_attempts (
  attempt_id {id},
  username {text} NOT NULL,
  remote_address {text} NOT NULL,
  attempted_at {text} NOT NULL,
  succeeded {int} NOT NULL
){strict};
CREATE INDEX sign_in_attempts_by_username ON sign_in_attempts (username, attempted_at);
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (remote_address, attempted_at);
CREATE TABLE access_log (
  entry_id {id},
  at {text} NOT NULL,
  user_id {int} NOT NULL,
  username {text} NOT NULL,
  person_id {int} NOT NULL,
  action {text} NOT NULL,
  channel {text} NOT NULL,
  detail {text} NOT NULL,
  reason {text} NOT NULL
){strict};
CREATE INDEX access_log_by_person ON access_log (person_id, at);
CREATE INDEX access_log_by_user ON access_log (user_id, at);
CREATE TABLE administration_log (
  entry_id {id},
  at {text} NOT NULL,
  actor {text} NOT NULL,
  action {text} NOT NULL,
  detail {text} NOT NULL
){strict};
CREATE TABLE closure_days (
  day {text} PRIMARY KEY,
  reason {text} NOT NULL,
  created_by {text} NOT NULL,
  created_at {text} NOT NULL
){strict};
CREATE TABLE drafts (
  user_id {int} NOT NULL REFERENCES users (user_id),
  form_key {text} NOT NULL,
  data {text} NOT NULL,
  saved_at {text} NOT NULL,
  PRIMARY KEY (user_id, form_key)
){strict};
CREATE TABLE access_grants (
  grant_id {id},
  user_id {int} NOT NULL REFERENCES users (user_id),
  person_id {int} NOT NULL,
  valid_from {text} NOT NULL,
  valid_until {text} NOT NULL,
  reason {text} NOT NULL,
  granted_by {text} NOT NULL,
  granted_at {text} NOT NULL
){strict};
CREATE INDEX access_grants_by_user ON access_grants (user_id, person_id);
)SQL"},
      {4, "front door", R"SQL(
CREATE TABLE council_settings (
  name {text} PRIMARY KEY,
  value {text} NOT NULL,
  updated_by {text} NOT NULL,
  updated_at {text} NOT NULL
){strict};
CREATE TABLE cin_episodes (
  person_id {int} NOT NULL,
  episode_id {int} NOT NULL,
  contact_id {int} NOT NULL,
  referral_date {text} NOT NULL,
  referral_source {text} NOT NULL,
  referral_nfa {int} NOT NULL,
  primary_need {text} NOT NULL,
  closed_on {text},
  closure_reason {text} NOT NULL
){strict};
CREATE INDEX cin_episodes_by_person ON cin_episodes (person_id);
CREATE INDEX cin_episodes_by_referral_date ON cin_episodes (referral_date);
CREATE TABLE contacts (
  contact_id {int} PRIMARY KEY,
  version {int} NOT NULL,
  received_at {text} NOT NULL,
  received_on {text} NOT NULL,
  source {text} NOT NULL,
  referrer_name {text} NOT NULL,
  urgency {text} NOT NULL,
  holder {text} NOT NULL,
  status {text} NOT NULL,
  decided_at {text},
  children_count {int} NOT NULL,
  recorded_by {text} NOT NULL
){strict};
CREATE INDEX contacts_by_status ON contacts (status, received_at);
CREATE INDEX contacts_by_received ON contacts (received_on);
CREATE TABLE contact_children (
  contact_id {int} NOT NULL,
  person_id {int} NOT NULL,
  outcome {text} NOT NULL,
  decision_status {text} NOT NULL,
  decided_at {text},
  decided_by {text} NOT NULL,
  needs_authorisation {int} NOT NULL,
  authorised_at {text},
  authorised_by {text} NOT NULL,
  decisions_returned {int} NOT NULL
){strict};
CREATE INDEX contact_children_by_contact ON contact_children (contact_id);
CREATE INDEX contact_children_by_person ON contact_children (person_id);
CREATE INDEX contact_children_by_status ON contact_children (decision_status);
CREATE TABLE contact_adults (
  contact_id {int} NOT NULL,
  person_id {int} NOT NULL
){strict};
CREATE INDEX contact_adults_by_contact ON contact_adults (contact_id);
CREATE INDEX contact_adults_by_person ON contact_adults (person_id);
CREATE TABLE mash_requests (
  contact_id {int} NOT NULL,
  enquiry_id {int} NOT NULL,
  agency {text} NOT NULL,
  opened_at {text} NOT NULL,
  opened_by {text} NOT NULL,
  due_at {text} NOT NULL,
  answered_at {text},
  answered_by {text} NOT NULL
){strict};
CREATE INDEX mash_requests_by_contact ON mash_requests (contact_id);
CREATE INDEX mash_requests_by_agency ON mash_requests (agency, answered_at);
CREATE TABLE mash_shared_children (
  contact_id {int} NOT NULL,
  enquiry_id {int} NOT NULL,
  person_id {int} NOT NULL
){strict};
CREATE INDEX mash_shared_children_by_contact ON mash_shared_children (contact_id);
)SQL"},
      {5, "allocation", R"SQL(
CREATE TABLE person_allocations (
  person_id {int} NOT NULL,
  allocation_id {int} NOT NULL,
  worker {text} NOT NULL,
  worker_name {text} NOT NULL,
  team_id {int} NOT NULL,
  team_name {text} NOT NULL,
  from_date {text} NOT NULL,
  to_date {text},
  reason {text} NOT NULL
){strict};
CREATE INDEX person_allocations_by_person ON person_allocations (person_id);
CREATE INDEX person_allocations_by_worker ON person_allocations (worker, to_date);
CREATE INDEX person_allocations_by_team ON person_allocations (team_id, to_date);
CREATE INDEX cin_episodes_open ON cin_episodes (closed_on, person_id);
)SQL"},
      {6, "assessments", R"SQL(
CREATE TABLE person_assessments (
  person_id {int} NOT NULL,
  assessment_id {int} NOT NULL,
  episode_id {int} NOT NULL,
  started_on {text} NOT NULL,
  submitted_on {text},
  authorised_on {text},
  outcome {text} NOT NULL
){strict};
CREATE INDEX person_assessments_by_person ON person_assessments (person_id);
CREATE INDEX person_assessments_open ON person_assessments (authorised_on, submitted_on);
ALTER TABLE cin_episodes ADD COLUMN closure_proposed_on {text};
)SQL"},
      {7, "protection and plans", R"SQL(
CREATE TABLE person_enquiries (
  person_id {int} NOT NULL,
  section47_id {int} NOT NULL,
  episode_id {int} NOT NULL,
  started_on {text} NOT NULL,
  concluded_on {text},
  outcome {text} NOT NULL,
  conference_on {text}
){strict};
CREATE INDEX person_enquiries_by_person ON person_enquiries (person_id);
CREATE TABLE person_plans (
  person_id {int} NOT NULL,
  plan_id {int} NOT NULL,
  episode_id {int} NOT NULL,
  type {text} NOT NULL,
  started_on {text} NOT NULL,
  ended_on {text},
  first_core_group {text},
  review_dates {text} NOT NULL,
  finalised_on {text}
){strict};
CREATE INDEX person_plans_by_person ON person_plans (person_id);
CREATE INDEX person_plans_open ON person_plans (ended_on, type);
)SQL"},
      {8, "visits and supervision", R"SQL(
CREATE TABLE person_visits (
  person_id {int} NOT NULL,
  visit_id {int} NOT NULL,
  visited_on {text} NOT NULL,
  seen {int} NOT NULL
){strict};
CREATE INDEX person_visits_by_person ON person_visits (person_id);
CREATE TABLE person_supervisions (
  person_id {int} NOT NULL,
  supervision_id {int} NOT NULL,
  held_on {text} NOT NULL,
  next_due {text}
){strict};
CREATE INDEX person_supervisions_by_person ON person_supervisions (person_id);
)SQL"},
      {9, "children looked after", R"SQL(
CREATE TABLE person_care_periods (
  person_id {int} NOT NULL,
  period_id {int} NOT NULL,
  cin_episode_id {int} NOT NULL,
  start_date {text} NOT NULL,
  end_date {text},
  home_postcode {text} NOT NULL,
  reviewing_officer {text} NOT NULL,
  reviewing_officer_name {text} NOT NULL
){strict};
CREATE INDEX person_care_periods_by_person ON person_care_periods (person_id);
CREATE INDEX person_care_periods_by_officer ON person_care_periods (reviewing_officer, end_date);
CREATE TABLE person_care_episodes (
  person_id {int} NOT NULL,
  period_id {int} NOT NULL,
  episode_no {int} NOT NULL,
  start_date {text} NOT NULL,
  reason_new {text} NOT NULL,
  legal_status {text} NOT NULL,
  category_of_need {text} NOT NULL,
  placement_type {text} NOT NULL,
  provider {text} NOT NULL,
  carer {text} NOT NULL,
  placement_postcode {text} NOT NULL,
  urn {text} NOT NULL,
  end_date {text},
  reason_ceased {text} NOT NULL,
  reason_place_change {text} NOT NULL
){strict};
CREATE INDEX person_care_episodes_by_person ON person_care_episodes (person_id);
CREATE INDEX person_care_episodes_open ON person_care_episodes (end_date, start_date);
CREATE TABLE person_care_reviews (
  person_id {int} NOT NULL,
  period_id {int} NOT NULL,
  review_id {int} NOT NULL,
  held_on {text} NOT NULL,
  participation {text} NOT NULL,
  permanence_plan {text} NOT NULL
){strict};
CREATE INDEX person_care_reviews_by_person ON person_care_reviews (person_id);
)SQL"},
      {10, "missing children and exploitation", R"SQL(
CREATE TABLE person_missing (
  person_id {int} NOT NULL,
  missing_id {int} NOT NULL,
  type {text} NOT NULL,
  started_on {text} NOT NULL,
  ended_on {text},
  interview_offered_on {text},
  interview_held_on {text}
){strict};
CREATE INDEX person_missing_by_person ON person_missing (person_id);
CREATE INDEX person_missing_by_start ON person_missing (started_on);
CREATE TABLE person_exploitation_screenings (
  person_id {int} NOT NULL,
  screening_id {int} NOT NULL,
  screened_on {text} NOT NULL,
  sexual {int} NOT NULL,
  criminal {int} NOT NULL,
  risk {text} NOT NULL
){strict};
CREATE INDEX person_exploitation_screenings_by_person ON person_exploitation_screenings (person_id);
)SQL"},
      {11, "dated records of children in care and care leavers: health and education", R"SQL(
CREATE TABLE person_care_records (
  person_id {int} NOT NULL,
  kind {text} NOT NULL,
  record_id {int} NOT NULL,
  on_date {text} NOT NULL,
  value {text} NOT NULL
){strict};
CREATE INDEX person_care_records_by_person ON person_care_records (person_id);
)SQL"},
      {12, "social workers' Social Work England registration numbers", R"SQL(
ALTER TABLE users ADD COLUMN registration {text} NOT NULL DEFAULT '';
)SQL"},
      {13, "the postcode directory: where postcodes and postcode districts are", R"SQL(
CREATE TABLE postcode_locations (
  postcode {text} PRIMARY KEY,
  district {text} NOT NULL,
  authority {text} NOT NULL,
  easting {int} NOT NULL,
  northing {int} NOT NULL
){strict};
CREATE TABLE postcode_district_locations (
  district {text} PRIMARY KEY,
  authority {text} NOT NULL,
  easting {int} NOT NULL,
  northing {int} NOT NULL
){strict};
)SQL"},
      {14, "the statutory returns produced, with their files", R"SQL(
CREATE TABLE produced_returns (
  return_id {id},
  kind {text} NOT NULL,
  year {int} NOT NULL,
  produced_at {text} NOT NULL,
  produced_by {text} NOT NULL,
  children {int} NOT NULL,
  errors {int},
  queries {int}
){strict};
CREATE TABLE produced_return_files (
  return_id {int} NOT NULL REFERENCES produced_returns (return_id),
  position {int} NOT NULL,
  name {text} NOT NULL,
  content {text} NOT NULL,
  PRIMARY KEY (return_id, name)
){strict};
)SQL"},
  };
  return kMigrations;
}

}  // namespace safeguard
