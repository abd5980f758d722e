#include "returns/ssda903_lookups.h"

#include <string>
#include <vector>

#include "core/csv.h"
#include "core/text.h"
#include "domain/postcode_file.h"

namespace safeguard {
namespace {

// Codes separated by "/" or ",", upper-cased and trimmed.
std::vector<std::string> codes_of(std::string_view text) {
  std::vector<std::string> out;
  std::string code;
  const auto add = [&] {
    const std::string_view c = trim(code);
    if (!c.empty()) out.push_back(to_upper_ascii(c));
    code.clear();
  };
  for (const char c : text) {
    if (c == '/' || c == ',') {
      add();
    } else {
      code += c;
    }
  }
  add();
  return out;
}

// DD/MM/YYYY or YYYY-MM-DD.
std::optional<Date> provider_date(std::string_view text) {
  if (const auto d = parse_ssda903_date(text)) return d;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') return Date::parse_iso(text.substr(0, 10));
  return std::nullopt;
}

}  // namespace

std::string ssda903_postcode_key(std::string_view text) {
  std::string key;
  for (const char c : text) {
    if (c != ' ') key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return key;
}

std::optional<std::string> upper_tier_la(const Ssda903Options& options, const PostcodeEntry& postcode) {
  const std::string& district = postcode.district;
  if (!district.empty() && district[0] == 'S') return "SCO";
  if (!district.empty() && district[0] == 'W') return "WAL";
  if (!district.empty() && district[0] == 'N') return "NIR";
  const auto upper = options.upper_tier_of.find(district);
  if (upper == options.upper_tier_of.end()) return std::nullopt;
  return upper->second;
}

Status read_ssda903_postcodes(std::istream& in, std::string_view source, Ssda903Options& options) {
  Ssda903Options read;
  if (Status s = read_postcode_file(in, source,
                                    [&](const DirectoryPostcode& p) {
                                      PostcodeEntry& e = read.postcodes[ssda903_postcode_key(p.postcode)];
                                      if (p.grid) {
                                        e.easting = static_cast<double>(p.grid->easting);
                                        e.northing = static_cast<double>(p.grid->northing);
                                      }
                                      e.district = p.local_authority;
                                      if (!p.authority.empty())
                                        read.upper_tier_of[p.local_authority] = p.authority;
                                      return Status::success();
                                    });
      !s)
    return s;
  if (read.postcodes.empty())
    return Error::invalid(std::string(source) + ": the file has no postcodes", "file");
  options.postcodes = std::move(read.postcodes);
  options.upper_tier_of = std::move(read.upper_tier_of);
  return Status::success();
}

Status read_ssda903_providers(std::istream& in, std::string_view source, Ssda903Options& options) {
  CsvTable file(in, source);
  if (Status s = file.read_header(); !s) return s;
  const int urn_col = file.column({"urn"}, "URN");
  const int place_col = file.column({"placement code", "provider code"}, "Placement code");
  const int provider_col =
      file.column({"placement provider code", "provider placement code"}, "Placement provider code");
  const int end_col = file.column({"deregistration date", "closed date"});
  const int postcode_col = file.column({"setting postcode", "setting address postcode"});
  if (Status s = file.check_columns("Give Ofsted's provider list saved as CSV, with its header row."); !s)
    return s;
  std::vector<OfstedProvider> providers;
  while (file.next()) {
    if (file.cell(urn_col).empty()) continue;  // the reference drops rows without a URN
    OfstedProvider p;
    p.urn = to_upper_ascii(file.cell(urn_col));
    p.place_codes = codes_of(file.cell(place_col));
    p.provider_codes = codes_of(file.cell(provider_col));
    if (!file.cell(end_col).empty()) {
      p.registration_end = provider_date(file.cell(end_col));
      if (!p.registration_end) return file.bad_cell(end_col, "is not a date (DD/MM/YYYY or YYYY-MM-DD)");
    }
    p.postcode = ssda903_postcode_key(file.cell(postcode_col));
    if (const auto it = options.postcodes.find(p.postcode); it != options.postcodes.end())
      p.la = upper_tier_la(options, it->second).value_or("");
    providers.push_back(std::move(p));
  }
  if (Status s = file.status(); !s) return s;
  options.providers = std::move(providers);
  return Status::success();
}

}  // namespace safeguard
