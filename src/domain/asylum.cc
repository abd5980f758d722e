#include "domain/asylum.h"

#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {

std::optional<Date> uasc_ceased_on(const Person& child, Date today) {
  if (!child.uasc) return std::nullopt;
  if (child.uasc->ceased_on) return child.uasc->ceased_on;
  const std::optional<Date>& born = child.details.date_of_birth;
  if (born && birthday(*born, 18) <= today) return birthday(*born, 18);
  return std::nullopt;
}

bool uasc_on(const Person& child, Date day) {
  if (!child.uasc || day < child.uasc->from) return false;
  const std::optional<Date> ceased = uasc_ceased_on(child, day);
  return !ceased || day < *ceased;
}

Result<DomainEvent> uasc_status_recorded(const Person& child, Date from, std::optional<Date> ceased_on,
                                         Date today) {
  const std::optional<Date>& born = child.details.date_of_birth;
  if (!born) return Error::invalid("The child's date of birth is not recorded", "from");
  if (child.episodes.empty() && child.periods_of_care.empty()) {
    return Error::invalid(
        "The child has no Children in Need episode or period of care: record the referral first", "from");
  }
  if (from > today) return Error::invalid("The date cannot be in the future", "from");
  if (from < *born) return Error::invalid("The date is before the child was born", "from");
  const Date eighteenth = birthday(*born, 18);
  if (from >= eighteenth) return Error::invalid("The young person was 18 by then: an adult", "from");
  if (ceased_on) {
    if (*ceased_on > today) return Error::invalid("The date cannot be in the future", "ceased_on");
    if (*ceased_on < from) return Error::invalid("The status cannot end before it began", "ceased_on");
    if (*ceased_on > eighteenth) {
      return Error::invalid("The status ceases on the 18th birthday (" + long_date_text(eighteenth) +
                                ") at the latest (SSDA903 rule 304)",
                            "ceased_on");
    }
  }
  DomainEvent e;
  e.type = "UascStatusRecorded";
  e.occurred_on = from;
  e.data = {{"from", from.iso()},
            {"ceased_on", ceased_on ? nlohmann::json(ceased_on->iso()) : nlohmann::json()}};
  return e;
}

bool apply_asylum_event(Person& p, const DomainEvent& e) {
  if (e.type != "UascStatusRecorded") return false;
  UascStatus status;
  status.from = event_date(e, "from");
  if (const nlohmann::json& ceased = event_member(e, "ceased_on"); !ceased.is_null()) {
    status.ceased_on = event_date(e, "ceased_on");
  }
  p.uasc = status;
  return true;
}

std::string describe_asylum_event(const DomainEvent& e) {
  if (e.type != "UascStatusRecorded") return {};
  try {
    const nlohmann::json& ceased = e.data.at("ceased_on");
    return ceased.is_null() ? "Unaccompanied asylum-seeking child"
                            : "Unaccompanied asylum-seeking child: status ceased " +
                                  long_date_text(*Date::parse_iso(ceased.get<std::string>()));
  } catch (const std::exception&) {
    return e.type + " (the event's details could not be read)";
  }
}

}  // namespace safeguard
