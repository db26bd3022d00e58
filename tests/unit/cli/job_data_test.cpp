// A report job's data: YAML and JSON files merged in order, --set values last, and a clear
// error for everything that cannot be used.
#include "cli/job_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

fs::path write(const std::string& name, const std::string& text) {
  const fs::path file = fs::path(testing::TempDir()) / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::string messages(const model::Diagnostics& diag) {
  std::string out;
  for (const auto& d : diag.all()) out += model::format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST(JobData, NoneWithoutDataOrSetValues) {
  model::Diagnostics diag;
  EXPECT_EQ(cli::load_job_data(cli::Job{}, diag), nullptr);
}

TEST(JobData, FilesMergeInOrderAndSetValuesComeLast) {
  cli::Job job;
  job.data_files = {write("first.yaml",
                          "build: {number: 1, branch: main}\nprice: 1.50\n"
                          "ok: true\nnone: ~\nquoted: \"true\"\nlist: [a, b]\n"),
                    write("second.json", R"({"build": {"number": 2}, "extra": [1, 2]})")};
  job.data_values = {"build.branch=release", "owner=Desk A", "deep.er.key=x", "empty="};
  model::Diagnostics diag;
  const auto data = cli::load_job_data(job, diag);
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(messages(diag), "");
  const nlohmann::json expected = nlohmann::json::parse(R"({
    "build": {"number": "2", "branch": "release"}, "price": "1.50", "ok": true, "none": null,
    "quoted": "true", "list": ["a", "b"], "extra": ["1", "2"], "owner": "Desk A",
    "deep": {"er": {"key": "x"}}, "empty": null})");
  EXPECT_EQ(*data, expected) << data->dump();
}

TEST(JobData, WhatCannotBeUsedIsAnError) {
  cli::Job job;
  job.data_files = {fs::path(testing::TempDir()) / "missing.yaml", write("list.yaml", "- a\n- b\n"),
                    write("broken.yaml", "a: [unclosed\n")};
  job.data_values = {"novalue"};
  model::Diagnostics diag;
  cli::load_job_data(job, diag);
  const std::string m = messages(diag);
  EXPECT_NE(m.find("missing.yaml: error: cannot read data file"), std::string::npos) << m;
  EXPECT_NE(m.find("list.yaml:1:1: error: a data file must be a map of names to values"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("broken.yaml:"), std::string::npos) << m;
  EXPECT_NE(m.find("--set: error: 'novalue' is not KEY=VALUE"), std::string::npos) << m;
}

TEST(JobData, SetCannotReachInsideAValue) {
  cli::Job job;
  job.data_values = {"a=1", "a.b=2"};
  model::Diagnostics diag;
  cli::load_job_data(job, diag);
  EXPECT_EQ(messages(diag),
            "--set: error: 'a.b': cannot set a value inside 'a', which is not a map\n");
}

TEST(JobData, AnAliasBombIsBounded) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
    yaml += "]\n";
  }
  cli::Job job;
  job.data_files = {write("bomb.yaml", yaml)};
  model::Diagnostics diag;
  cli::load_job_data(job, diag);
  EXPECT_NE(messages(diag).find("more than a million values"), std::string::npos) << messages(diag);
}
