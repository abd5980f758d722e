// The people who use Safeguard and the roles they hold (domain.md, "Roles and what they may see").
// A role says what kind of work someone does; what they may see of a particular child also depends
// on their relationship to that child, which app/access_policy decides.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace safeguard {

enum class Role {
  kFrontDoorSocialWorker,
  kMashPartner,
  kSocialWorker,
  kTeamManager,
  kIndependentReviewingOfficer,
  kPerformanceAnalyst,
  kComplaintsOfficer,
  kFosteringSocialWorker,
  kInspector,
  kAdministrator,
};

// Every role, in the order they are listed to people.
std::span<const Role> all_roles();
// The stable code stored and typed on the command line: "front_door_social_worker", ...
std::string_view role_code(Role role);
// "Front door social worker", ...
std::string_view role_label(Role role);
std::optional<Role> parse_role(std::string_view code);

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kSocialWorker;
  std::optional<int64_t> team_id;
  std::string team_name;
  std::string agency;  // MASH partners: "police", "health", "education", ...
  bool disabled = false;
  // The Social Work England registration number ("SW" and digits) of a registered social worker:
  // the SW_ID SSDA903 returns for the social worker episodes of a child looked after. Empty if none.
  std::string registration;
};

// Usernames are 3-64 characters of a-z, 0-9, '.', '-' and '_', starting with a letter or digit.
bool is_valid_username(std::string_view username);
// Social Work England registration numbers are "SW" and up to 8 digits (validator SW02STG1 wants
// the "SW").
bool is_valid_registration(std::string_view registration);

}  // namespace safeguard
