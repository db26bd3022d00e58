// A small Briefing for emitter tests, with the characters that break careless writers.
#pragma once

#include "model/model.h"

namespace dossier::fixtures {

inline model::Briefing small_briefing() {
  model::Briefing b;
  b.title = "Talks & <tensions> in Istanbul";
  b.subtitle = "Sources \"quoted\" and 'unquoted'";
  b.date = "2025-05-15";
  model::Source s;
  s.id = "S1";
  s.path = "sources/one.txt";
  s.meta.title = "Fırtına over the Bosphorus";
  s.meta.authors = {"İkbal Dürre"};
  s.meta.language = "en";
  s.meta.outlet = "Example Times";
  const auto block = [](std::string id, model::BlockKind kind, std::string text) {
    model::Block blk;
    blk.id = std::move(id);
    blk.kind = kind;
    blk.level = kind == model::BlockKind::Heading ? 2 : 0;
    blk.text = std::move(text);
    return blk;
  };
  s.blocks.push_back(
      block("S1-p1", model::BlockKind::Paragraph,
            "Erdoğan said * not emphasis * and _under_ [link](x) <b>bold</b> & more."));
  s.blocks.push_back(block("S1-p2", model::BlockKind::Heading, "WHAT IS ON THE TABLE"));
  s.blocks.push_back(block("S1-p3", model::BlockKind::Paragraph,
                           "# not a heading, 1. not a list, > not a quote, Москва \u2014 ok."));
  s.fixes.push_back({model::FixKind::ControlChar, {3, 5}, "\u200B", ""});
  s.removals.push_back({7, 7, "Related article: elsewhere", "related-article"});
  b.sources.push_back(s);
  model::Source failed;
  failed.id = "S2";
  failed.path = "sources/broken.bin";
  failed.status = model::SourceStatus::Failed;
  b.sources.push_back(failed);
  return b;
}

}  // namespace dossier::fixtures
