// libFuzzer target: any bytes as an SSDA903 return, cut at form feeds ('\f') into CSV files, the
// first twelve this year's and the rest last year's. Each file either fails to read, with an error,
// or gives a table, and every rule runs over the tables read, with a postcode directory and a
// provider list, without a crash, a sanitizer report or a hang. Run by scripts/run-tests.sh with
// the seeds in tests/fuzz/ssda903.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <vector>

#include "returns/ssda903_document.h"
#include "returns/ssda903_lookups.h"
#include "returns/ssda903_validator.h"

namespace {

const safeguard::Ssda903Options& options() {
  static const safeguard::Ssda903Options kOptions = [] {
    safeguard::Ssda903Options o;
    o.la = "E10000020";
    std::istringstream postcodes(
        "pcd,oseast1m,osnrth1m,laua,cty,ctry\n"
        "NR1 1AA,624000,308000,E07000148,E10000020,E92000001\n"
        "PE1 1AA,519500,299500,E06000031,E99999999,E92000001\n"
        "CF10 1AA,318200,176300,W06000015,W99999999,W92000004\n"
        "BT1 1AA,,,N09000003,N99999999,N92000002\n");
    // Fixed lookups: a failure to read them is a fault of this target, not a finding.
    if (!safeguard::read_ssda903_postcodes(postcodes, "postcodes", o)) std::abort();
    std::istringstream providers(
        "URN,Placement code,Placement provider code,Deregistration date,Setting postcode\n"
        "SC123456,K2/R1,PR1/PR2,,NR1 1AA\n"
        "1234567,U1,PR4,01/01/2025,PE1 1AA\n");
    if (!safeguard::read_ssda903_providers(providers, "providers", o)) std::abort();
    return o;
  }();
  return kOptions;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  safeguard::Ssda903Return submitted;
  safeguard::Ssda903Year last;
  size_t file = 0;
  for (size_t start = 0; start <= bytes.size(); ++file) {
    size_t end = bytes.find('\f', start);
    if (end == std::string_view::npos) end = bytes.size();
    const auto read =
        safeguard::read_ssda903_year({{"f.csv", std::string(bytes.substr(start, end - start))}});
    if (read) {
      safeguard::Ssda903Year& year = file < 12 ? submitted.current : last;
      for (size_t t = 0; t < safeguard::kSsda903Tables; ++t) {
        if (read->tables[t]) year.tables[t] = read->tables[t];
      }
    }
    start = end + 1;
  }
  if (file > 12) submitted.previous = std::move(last);
  safeguard::validate_ssda903(submitted, 2026, options());
  return 0;
}
