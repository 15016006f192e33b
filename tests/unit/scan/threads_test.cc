// SPDX-License-Identifier: Apache-2.0
// One Scanner shared by eight threads gives each the same findings.
#include <gtest/gtest.h>

#include <thread>

#include "corpus.h"
#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

TEST(ThreadsTest, EightThreadsShareOneScanner) {
  const Scanner* scanner = &vigie::testing::CachedScanner();
  std::vector<std::string> texts;
  for (uint32_t i = 0; i < 8; ++i) texts.push_back(vigie::testing::FrenchProse(20000, 100 + i));
  std::vector<std::vector<Finding>> expected;
  for (const auto& t : texts) expected.push_back(scanner->Scan(t));
  std::vector<std::vector<std::vector<Finding>>> seen(8);
  std::vector<std::thread> threads;
  const Scanner& shared = *scanner;
  for (size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        size_t which = (t + static_cast<size_t>(round)) % texts.size();
        if (round % 2 == 0) {
          seen[t].push_back(shared.Scan(texts[which]));
        } else {
          Stream s = shared.OpenStream();
          std::vector<Finding> found = s.Write(texts[which]);
          for (Finding& f : s.Finish()) found.push_back(std::move(f));
          seen[t].push_back(std::move(found));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < 8; ++t) {
    ASSERT_EQ(seen[t].size(), 20u);
    for (size_t round = 0; round < 20; ++round) {
      vigie::testing::ExpectSameFindings(seen[t][round], expected[(t + round) % texts.size()],
                                         std::to_string(t) + "/" + std::to_string(round));
    }
  }
}

}  // namespace
}  // namespace vigie
