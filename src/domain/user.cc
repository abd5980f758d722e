#include "domain/user.h"

#include <algorithm>
#include <array>

namespace safeguard {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<RoleInfo, 10> kRoles = {{
    {Role::kFrontDoorSocialWorker, "front_door_social_worker", "Front door social worker"},
    {Role::kMashPartner, "mash_partner", "MASH partner"},
    {Role::kSocialWorker, "social_worker", "Social worker"},
    {Role::kTeamManager, "team_manager", "Team manager"},
    {Role::kIndependentReviewingOfficer, "independent_reviewing_officer",
     "Independent reviewing officer or conference chair"},
    {Role::kPerformanceAnalyst, "performance_analyst", "Performance analyst"},
    {Role::kComplaintsOfficer, "complaints_officer", "Complaints officer"},
    {Role::kFosteringSocialWorker, "fostering_social_worker", "Fostering social worker"},
    {Role::kInspector, "inspector", "Inspector"},
    {Role::kAdministrator, "administrator", "Administrator"},
}};

constexpr std::array<Role, 10> kRoleOrder = {Role::kFrontDoorSocialWorker,
                                             Role::kMashPartner,
                                             Role::kSocialWorker,
                                             Role::kTeamManager,
                                             Role::kIndependentReviewingOfficer,
                                             Role::kPerformanceAnalyst,
                                             Role::kComplaintsOfficer,
                                             Role::kFosteringSocialWorker,
                                             Role::kInspector,
                                             Role::kAdministrator};

const RoleInfo& info(Role role) {
  for (const RoleInfo& r : kRoles) {
    if (r.role == role) return r;
  }
  return kRoles[0];  // unreachable: every enumerator is in the table
}

}  // namespace

std::span<const Role> all_roles() { return kRoleOrder; }
std::string_view role_code(Role role) { return info(role).code; }
std::string_view role_label(Role role) { return info(role).label; }

std::optional<Role> parse_role(std::string_view code) {
  for (const RoleInfo& r : kRoles) {
    if (r.code == code) return r.role;
  }
  return std::nullopt;
}

bool is_valid_registration(std::string_view registration) {
  if (registration.size() < 3 || registration.size() > 10 || !registration.starts_with("SW")) return false;
  return std::all_of(registration.begin() + 2, registration.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool is_valid_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) return false;
  for (size_t i = 0; i < username.size(); ++i) {
    const char c = username[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (i == 0 && !alnum) return false;
    if (!alnum && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace safeguard
