// The reference parts laid out for PDF (layout-internal): each starts a page, sets its running
// head, anchors itself for the contents and bookmarks, and links every reference.
#pragma once

#include <map>
#include <string>

#include "emit/briefing_view.h"
#include "emit/pdf/flow.h"

namespace dossier::emit::pdf {

void lay_out_people(Flow& flow, const BriefingView& view, const Words& words, double size);
void lay_out_quotes(Flow& flow, const BriefingView& view, const Words& words, double size);
void lay_out_timeline(Flow& flow, const BriefingView& view, const Words& words, double size);
void lay_out_figures(Flow& flow, const BriefingView& view, const Words& words, double size);
// The index gives each paragraph's page: `anchors` are the paragraphs' places. It waits for
// every other part's pages, so its entries are set on `threads` threads.
void lay_out_index(Flow& flow, const BriefingView& view, const Words& words, double size,
                   const Anchors& anchors, unsigned threads);

// A footnote's number (as the source writes it in references) → the note's block id.
using NoteAnchors = std::map<std::string, std::string>;

// A paragraph's text as pieces, each entity mention linked to its index entry, its spans as
// faces, struck text and live web links; footnote references as raised numbers linked to
// their notes.
std::vector<Piece> linked_text(const model::Block& block, const BriefingView* view, Face face,
                               const NoteAnchors* notes = nullptr);

// "¹²": a number in superscript digits.
std::string superscript(const std::string& number);

}  // namespace dossier::emit::pdf
