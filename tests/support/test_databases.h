// Databases for tests: a fresh SQLite file in a temporary directory, or a fresh schema in the real
// PostgreSQL server that `make test` starts on loopback (its URL in SAFEGUARD_TEST_POSTGRES_URL).
//
// When SAFEGUARD_REQUIRE_POSTGRES=1 (as `make test` and CI set it) a missing server is a failure,
// not a skip, so the PostgreSQL half of the conformance suite can never silently not run.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/database.h"

namespace safeguard::testing {

inline std::string postgres_url() {
  const char* url = std::getenv("SAFEGUARD_TEST_POSTGRES_URL");
  return url ? url : "";
}

inline bool postgres_required() {
  const char* required = std::getenv("SAFEGUARD_REQUIRE_POSTGRES");
  return required && std::string(required) == "1";
}

// The backends a conformance test runs on: always "sqlite", and "postgres".
inline std::vector<std::string> backends() { return {"sqlite", "postgres"}; }

// A fresh, migrated database of a backend, removed when the object goes.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend) : backend_(backend) {
    static std::atomic<int> counter{0};
    const std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter.fetch_add(1));
    if (backend == "sqlite") {
      directory_ = std::filesystem::temp_directory_path() / ("safeguard_test_" + unique);
      std::filesystem::create_directories(directory_);
      location_ = (directory_ / "council.db").string();
    } else {
      location_ = postgres_url();
      schema_ = "t_" + unique;
    }
  }
  ~TestDatabase() {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
    if (!schema_.empty() && !location_.empty()) {
      try {
        open_postgres(location_)->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      } catch (const std::exception&) {
      }
    }
  }

  // False (and a skip or failure recorded) if this backend cannot run here.
  bool available() const {
    if (backend_ == "sqlite") return true;
    return !location_.empty();
  }

  std::unique_ptr<Database> open() const {
    auto db = open_council_database(location_, schema_);
    if (!db) throw std::runtime_error(db.error().message);
    return std::move(db).value();
  }
  std::unique_ptr<SqlConnection> connect() const { return open_database(location_, schema_); }

  const std::string& location() const { return location_; }
  const std::string& schema() const { return schema_; }
  const std::string& backend() const { return backend_; }

 private:
  std::string backend_;
  std::filesystem::path directory_;
  std::string location_;
  std::string schema_;
};

// In a test fixture's SetUp: skip (or fail, when PostgreSQL is required) when the backend is absent.
#define SAFEGUARD_REQUIRE_BACKEND(test_database)                                                \
  do {                                                                                          \
    if (!(test_database).available()) {                                                         \
      if (::safeguard::testing::postgres_required()) {                                          \
        FAIL() << "SAFEGUARD_TEST_POSTGRES_URL is not set but SAFEGUARD_REQUIRE_POSTGRES=1";    \
      }                                                                                         \
      GTEST_SKIP() << "no PostgreSQL server: set SAFEGUARD_TEST_POSTGRES_URL (make test does)"; \
    }                                                                                           \
  } while (0)

}  // namespace safeguard::testing
