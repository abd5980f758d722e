// Writing a return's file: a file is replaced whole or not at all, and a path that is not a file
// (a pipe, /dev/stdout, /dev/null) is written to, never replaced by a file of that name.
#include "returns/table.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

namespace safeguard {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(ReturnFileTest, AFileIsReplacedWhole) {
  const std::string path = ::testing::TempDir() + "/return_file_test.csv";
  ASSERT_TRUE(write_return_file(path, "A,B\n1,2\n").ok());
  ASSERT_TRUE(write_return_file(path, "A,B\n3,4\n").ok());
  EXPECT_EQ(read_all(path), "A,B\n3,4\n");
  EXPECT_FALSE(std::filesystem::exists(path + ".part"));
  EXPECT_FALSE(write_return_file(::testing::TempDir() + "/no/such/dir/x.csv", "x").ok());
  std::filesystem::remove(path);
}

TEST(ReturnFileTest, APipeIsWrittenToNotReplaced) {
  const std::string path = ::testing::TempDir() + "/return_file_test.fifo";
  std::filesystem::remove(path);
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read_all(path); });
  const Status written = write_return_file(path, [](std::ostream& out) { out << "rule,type\n"; });
  reader.join();
  EXPECT_TRUE(written.ok());
  EXPECT_EQ(received, "rule,type\n");
  EXPECT_TRUE(std::filesystem::is_fifo(path));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace safeguard
