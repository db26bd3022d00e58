#include "model/diagnostics.h"

#include <gtest/gtest.h>

using namespace dossier::model;

TEST(Diagnostics, FormatsPathLineColumnSeverityMessage) {
  const Diagnostic d{Severity::Error,           DiagCode::BinaryInput, "a/b.txt", 3, 7,
                     "looks like a binary file"};
  EXPECT_EQ(format_diagnostic(d), "a/b.txt:3:7: error: looks like a binary file");
}

TEST(Diagnostics, FormatsWithoutPositionWhenThereIsNone) {
  const Diagnostic d{Severity::Warning, DiagCode::Unreadable, "x.txt", 0, 0, "cannot read"};
  EXPECT_EQ(format_diagnostic(d), "x.txt: warning: cannot read");
}

TEST(Diagnostics, JsonCarriesEveryField) {
  const Diagnostic d{Severity::Error,         DiagCode::MissingSource, "job.yaml", 4, 5,
                     "source \"x\" not found"};
  EXPECT_EQ(format_diagnostic_json(d),
            R"({"path":"job.yaml","line":4,"col":5,"severity":"error","code":"missing-source",)"
            R"("message":"source \"x\" not found"})");
}

TEST(Diagnostics, CountsBySeverity) {
  Diagnostics sink;
  sink.error(DiagCode::EmptyInput, "a", 1, 1, "empty");
  sink.warning(DiagCode::InvalidBytes, "b", 1, 1, "bad");
  sink.warning(DiagCode::InvalidBytes, "b", 2, 1, "bad");
  EXPECT_EQ(sink.error_count(), 1u);
  EXPECT_EQ(sink.warning_count(), 2u);
}
