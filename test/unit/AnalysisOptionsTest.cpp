#include "AnalysisOptions.h"
#include "gtest/gtest.h"

using namespace maprace;

TEST(AnalysisOptions, ParsesSemicolonAndCommaLists) {
  std::vector<std::string> Out;
  std::string Error;
  ASSERT_TRUE(parseNameList("ThreadStartFunctions",
                            " ThreadPool::Submit; ::boost::asio::post ,run",
                            Out, Error));
  EXPECT_EQ(Out, (std::vector<std::string>{"ThreadPool::Submit",
                                           "::boost::asio::post", "run"}));
}

TEST(AnalysisOptions, EmptyValueIsAnEmptyList) {
  std::vector<std::string> Out;
  std::string Error;
  EXPECT_TRUE(parseNameList("Containers", "", Out, Error));
  EXPECT_TRUE(Out.empty());
}

TEST(AnalysisOptions, RejectsMalformedNames) {
  for (const char *Bad : {"foo bar", "::", "a::", "1abc", "ns::*", "a:b"}) {
    std::vector<std::string> Out;
    std::string Error;
    EXPECT_FALSE(parseNameList("Containers", Bad, Out, Error)) << Bad;
    EXPECT_NE(Error.find("option 'Containers'"), std::string::npos) << Error;
  }
}

TEST(AnalysisOptions, ParsesBudget) {
  unsigned V = 0;
  std::string Error;
  EXPECT_TRUE(parseUnsigned("MaxFunctionElements", "500", V, Error));
  EXPECT_EQ(V, 500u);
  EXPECT_FALSE(parseUnsigned("MaxFunctionElements", "abc", V, Error));
  EXPECT_FALSE(parseUnsigned("MaxFunctionElements", "-1", V, Error));
}

TEST(AnalysisOptions, CacheKeyDistinguishesConfigurations) {
  AnalysisOptions A, B;
  B.ThreadStartFunctions.push_back("Pool::Submit");
  EXPECT_NE(A.cacheKey(), B.cacheKey());
  AnalysisOptions C;
  EXPECT_EQ(A.cacheKey(), C.cacheKey());
}
