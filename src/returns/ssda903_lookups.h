// The files the SSDA903 validator reads besides the return (safeguard validate 903 --postcodes
// and --providers): the ONS postcode directory, from which it derives where each placement is, and
// Ofsted's lists of children's homes and social care providers, against which it checks each URN.
// The rules that need them are skipped without them (returns/ssda903_validator.h).
//
// Thread safety: pure functions of their stream and options.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "returns/ssda903_validator.h"

namespace safeguard {

// Reads the ONS postcode directory's CSV file (domain/postcode_file.h) into options.postcodes and
// options.upper_tier_of.
Status read_ssda903_postcodes(std::istream& in, std::string_view source, Ssda903Options& options);

// Reads Ofsted's provider list as CSV (the combined list of children's homes and social care
// providers, saved from its spreadsheet) into options.providers. Its header row names, in any
// case: URN; "Placement code" (or "Provider code"), the SSDA903 PLACE codes the provider offers;
// "Placement provider code" (or "Provider placement code"), its PLACE_PROVIDER codes; and
// optionally "Deregistration date" (or "Closed date"), as DD/MM/YYYY or YYYY-MM-DD, and "Setting
// postcode" (or "Setting address postcode"). Codes are separated by "/" or ",". Read the postcode
// directory first: a provider's LA is found from its postcode.
Status read_ssda903_providers(std::istream& in, std::string_view source, Ssda903Options& options);

// A postcode as the directory is keyed: upper case, without spaces (as the reference matches them).
std::string ssda903_postcode_key(std::string_view text);

// The upper-tier LA a postcode of the directory lies in, as the reference derives PL_LA: through
// options.upper_tier_of, or SCO, WAL or NIR for a district of Scotland, Wales or Northern Ireland;
// none when the directory knows no upper tier for its district (the Channel Islands, the Isle of
// Man).
std::optional<std::string> upper_tier_la(const Ssda903Options& options, const PostcodeEntry& postcode);

}  // namespace safeguard
