#include "returns/table.h"

#include <filesystem>
#include <fstream>

namespace safeguard {
namespace {

void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, fields[i]);
  }
  out += '\n';
}

}  // namespace

std::string csv_row(std::initializer_list<std::string_view> fields) {
  std::string out;
  bool first = true;
  for (const std::string_view field : fields) {
    if (!first) out += ',';
    append_field(out, field);
    first = false;
  }
  out += '\n';
  return out;
}

std::string to_csv(const ReturnTable& table) {
  std::string out;
  append_row(out, table.columns);
  for (const auto& row : table.rows) append_row(out, row);
  return out;
}

Status write_return_file(const std::string& path, std::string_view text) {
  return write_return_file(
      path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}

Status write_return_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // Not a file to replace (/dev/stdout, a pipe, /dev/null): written to as it is.
    std::ofstream out(path, std::ios::binary);
    if (out) write(out);
    out.close();
    if (!out) return Error::invalid("cannot write " + path, "output");
    return Status::success();
  }
  // Written beside the file and renamed over it, so a failed write leaves any earlier file whole.
  const std::string part = path + ".part";
  std::ofstream out(part, std::ios::binary | std::ios::trunc);
  if (out) write(out);
  out.close();
  if (out) std::filesystem::rename(part, path, ec);
  if (!out || ec) {
    std::filesystem::remove(part, ec);
    return Error::invalid("cannot write " + path, "output");
  }
  return Status::success();
}

Status write_tables(const std::vector<ReturnTable>& tables, const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) return Error::invalid("cannot create the directory " + directory + ": " + ec.message(), "output");
  for (const ReturnTable& t : tables) {
    const std::string path = (std::filesystem::path(directory) / (t.name + ".csv")).string();
    if (Status s = write_return_file(path, to_csv(t)); !s) return s;
  }
  return Status::success();
}

}  // namespace safeguard
