// libFuzzer target: any bytes as a Children in Need census file. Reading either fails with an
// error or gives tables, and every rule runs over whatever tables it gives, without a crash, a
// sanitizer report or a hang. Run by scripts/run-tests.sh with the seeds in tests/fuzz/cin.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "returns/cin_document.h"
#include "returns/cin_validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto census = safeguard::read_cin_census(bytes, "input");
  if (census) safeguard::validate_cin(*census);
  return 0;
}
