// SPDX-License-Identifier: Apache-2.0
// A scan that Hyperscan cannot allocate for says so: TryScan fails with
// kResourceExhausted and a stream's status() tells it, instead of a
// silent "nothing found".
#include <gtest/gtest.h>
#include <hs/hs.h>

#include <cstdlib>
#include <string>

#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

void* FailToAllocate(size_t /*size*/) { return nullptr; }

// Hyperscan's stream allocator fails while this lives.
class NoStreamMemory {
 public:
  NoStreamMemory() { EXPECT_EQ(hs_set_stream_allocator(FailToAllocate, std::free), HS_SUCCESS); }
  ~NoStreamMemory() { hs_set_stream_allocator(nullptr, nullptr); }
  NoStreamMemory(const NoStreamMemory&) = delete;
  NoStreamMemory& operator=(const NoStreamMemory&) = delete;
};

const std::string kText = "n° de sécurité sociale : 2 84 05 2A 321 025 52, tél. 06 12 34 56 78";

TEST(AllocationTest, TryScanAndStreamsReportThatNothingWasScanned) {
  Scanner scanner = testing::CachedScanner({});
  Result<std::vector<Finding>> before = scanner.TryScan(kText);
  ASSERT_TRUE(before.ok()) << before.error();
  EXPECT_EQ(before->size(), 2u);
  {
    NoStreamMemory no_memory;
    Result<std::vector<Finding>> failed = scanner.TryScan(kText);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.code(), ErrorCode::kResourceExhausted);
    EXPECT_NE(failed.error().find("not scanned"), std::string::npos) << failed.error();
    EXPECT_TRUE(scanner.Scan(kText).empty());

    Stream stream = scanner.OpenStream();
    EXPECT_EQ(stream.status(), ErrorCode::kResourceExhausted);
    EXPECT_TRUE(stream.Write(kText).empty());
    EXPECT_TRUE(stream.Finish().empty());
  }
  // Memory back: the same scanner scans again.
  Result<std::vector<Finding>> after = scanner.TryScan(kText);
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(after->size(), 2u);
  Stream stream = scanner.OpenStream();
  EXPECT_EQ(stream.status(), ErrorCode::kOk);
  stream.Write(kText);
  EXPECT_EQ(stream.Finish().size(), 2u);
}

}  // namespace
}  // namespace vigie
