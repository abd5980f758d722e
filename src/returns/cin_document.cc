#include "returns/cin_document.h"

#include <expat.h>

#include <algorithm>
#include <array>
#include <istream>
#include <limits>
#include <map>
#include <memory>
#include <utility>

#include "returns/xml_writer.h"

namespace safeguard {
namespace {

// Where a field's text goes: a text member or a date member.
struct Target {
  std::string* text = nullptr;
  CinDate* date = nullptr;
  int bit = 0;  // which field of its block, so the first element of a name wins
};

// The blocks whose fields are read, by where they sit in the document.
enum class Block {
  kNone,
  kCollectionDetails,
  kSource,
  kIdentifiers,
  kCharacteristics,
  kDisabilities,
  kDetails,
  kAssessment,
  kFactors,
  kPlanDates,
  kSection47,
  kProtectionPlan,
  kReviews,
  kIgnored,
};

class Reader {
 public:
  explicit Reader(std::string_view name) : name_(name), parser_(XML_ParserCreate(nullptr), XML_ParserFree) {
    if (!parser_) return;
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), &Reader::on_start, &Reader::on_end);
    XML_SetCharacterDataHandler(parser_.get(), &Reader::on_text);
  }

  // Parses the next piece of the file (`last` for the final one).
  Status feed(const char* data, size_t size, bool last) {
    if (!parser_) return Error::internal("cannot start the XML parser");
    if (XML_Parse(parser_.get(), data, static_cast<int>(size), last ? 1 : 0) == XML_STATUS_ERROR) {
      if (handler_error_) return *handler_error_;
      return Error::invalid(name_ + " is not well-formed XML: line " +
                                std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ", column " +
                                std::to_string(XML_GetCurrentColumnNumber(parser_.get()) + 1) + ": " +
                                XML_ErrorString(XML_GetErrorCode(parser_.get())),
                            "file");
    }
    return Status::success();
  }

  // Hands every `size` children to `handler` as they are read (see read_cin_census_in_batches).
  void in_batches(size_t size, const CinBatchHandler* handler) {
    batch_size_ = std::max<size_t>(size, 1);
    handler_ = handler;
  }

  Status missing_children() const {
    if (saw_children_) return Status::success();
    return Error::invalid(name_ + " has no Children element under its root (" + root_ +
                              "), so it is not a Children in Need census",
                          "file");
  }

  Result<CinDocument> finish() {
    if (Status s = missing_children(); !s) return s.error();
    return std::move(doc_);
  }

  // The last batch, with whatever children are left.
  Status finish_batches() {
    if (Status s = missing_children(); !s) return s;
    return (*handler_)(doc_, true);
  }

 private:
  static void on_start(void* self, const XML_Char* element, const XML_Char**) {
    static_cast<Reader*>(self)->start(element);
  }
  static void on_end(void* self, const XML_Char* element) { static_cast<Reader*>(self)->end(element); }
  static void on_text(void* self, const XML_Char* s, int len) {
    Reader* r = static_cast<Reader*>(self);
    if (r->capturing_) r->text_.append(s, static_cast<size_t>(len));
  }

  // The block an element at this depth opens, given the block it is in.
  void start(std::string_view element) {
    // A field's value is its text before any element inside it.
    if (capturing_) commit();
    text_.clear();
    const int depth = static_cast<int>(stack_.size());
    Block parent = stack_.empty() ? Block::kNone : stack_.back();
    Block opened = Block::kIgnored;
    capturing_ = false;
    if (depth == 0) {
      root_ = std::string(element);
      opened = Block::kNone;
    } else if (depth == 1 && parent == Block::kNone) {
      if (element == "Header" && !saw_header_) {
        saw_header_ = true;
        in_header_ = true;
        opened = Block::kNone;
      } else if (element == "Children" && !saw_children_) {
        saw_children_ = true;
        in_children_ = true;
        opened = Block::kNone;
      }
    } else if (depth == 2 && in_header_ && parent == Block::kNone) {
      if (element == "CollectionDetails" && !saw_collection_) {
        saw_collection_ = true;
        opened = Block::kCollectionDetails;
      } else if (element == "Source" && !saw_source_) {
        saw_source_ = true;
        opened = Block::kSource;
      }
      seen_ = 0;
    } else if (depth == 2 && in_children_ && parent == Block::kNone) {
      if (element == "Child") begin_child();
    } else if (depth == 3 && in_child_) {
      if (element == "ChildIdentifiers" && !child_has_identifiers_) {
        child_has_identifiers_ = true;
        opened = Block::kIdentifiers;
        seen_ = 0;
      } else if (element == "ChildCharacteristics" && !child_has_characteristics_) {
        child_has_characteristics_ = true;
        opened = Block::kCharacteristics;
        seen_ = 0;
      } else if (element == "CINdetails") {
        CinDetailsRow row;
        row.details_id = ++details_id_;
        doc_.details.push_back(std::move(row));
        assessment_id_ = 0;
        plan_id_ = 0;
        opened = Block::kDetails;
        details_seen_ = 0;
      }
    } else if (parent == Block::kCharacteristics) {
      if (element == "Disabilities" && !characteristics_have_disabilities_) {
        characteristics_have_disabilities_ = true;
        opened = Block::kDisabilities;
      }
    } else if (parent == Block::kDisabilities) {
      doc_.disabilities.push_back({});
      capture(&doc_.disabilities.back().disability);
    } else if (parent == Block::kDetails) {
      if (element == "Assessments") {
        CinAssessmentRow row;
        row.details_id = details_id_;
        row.assessment_id = ++assessment_id_;
        doc_.assessments.push_back(std::move(row));
        opened = Block::kAssessment;
        seen_ = 0;
        assessment_has_factors_ = false;
      } else if (element == "CINPlanDates") {
        doc_.plans.push_back({});
        doc_.plans.back().details_id = details_id_;
        opened = Block::kPlanDates;
        seen_ = 0;
      } else if (element == "Section47") {
        doc_.section47.push_back({});
        doc_.section47.back().details_id = details_id_;
        opened = Block::kSection47;
        seen_ = 0;
      } else if (element == "ChildProtectionPlans") {
        CinProtectionPlanRow row;
        row.details_id = details_id_;
        row.plan_id = ++plan_id_;
        doc_.protection_plans.push_back(std::move(row));
        opened = Block::kProtectionPlan;
        seen_ = 0;
      }
    } else if (parent == Block::kAssessment) {
      if (element == "FactorsIdentifiedAtAssessment" && !assessment_has_factors_) {
        assessment_has_factors_ = true;
        opened = Block::kFactors;
      }
    } else if (parent == Block::kFactors) {
      CinAssessmentFactorRow row;
      row.details_id = details_id_;
      row.assessment_id = assessment_id_;
      doc_.factors.push_back(std::move(row));
      capture(&doc_.factors.back().factor);
    } else if (parent == Block::kProtectionPlan) {
      if (element == "Reviews") opened = Block::kReviews;
    } else if (parent == Block::kReviews) {
      if (element == "CPPreviewDate") {
        CinReviewRow row;
        row.details_id = details_id_;
        row.plan_id = plan_id_;
        doc_.reviews.push_back(std::move(row));
        capture_date(&doc_.reviews.back().date);
      }
    }
    if (!capturing_ && opened == Block::kIgnored && parent != Block::kIgnored) {
      // A field of the block it is in, if the block reads one of that name.
      const Target t = field(parent, element);
      uint32_t& seen = parent == Block::kDetails ? details_seen_ : seen_;
      if ((t.text || t.date) && !(seen & (1u << t.bit))) {
        seen |= 1u << t.bit;
        if (t.text) capture(t.text);
        if (t.date) capture_date(t.date);
      }
    }
    stack_.push_back(opened);
  }

  void end(std::string_view element) {
    if (capturing_) commit();
    stack_.pop_back();
    const int depth = static_cast<int>(stack_.size());
    if (depth == 1) {
      in_header_ = false;
      in_children_ = false;
    }
    if (depth == 2 && in_child_ && element == "Child") {
      end_child();
      if (handler_ && doc_.children.size() >= batch_size_ && saw_header_ && !in_header_) pass_batch();
    }
  }

  // Hands the children read so far to the handler and starts the next batch after them.
  void pass_batch() {
    if (Status s = (*handler_)(doc_, false); !s) {
      handler_error_ = s.error();
      XML_StopParser(parser_.get(), XML_FALSE);
      return;
    }
    const std::array<size_t, kCinTables> sizes{
        doc_.children.size(), doc_.characteristics.size(), doc_.disabilities.size(),
        doc_.details.size(),  doc_.assessments.size(),     doc_.factors.size(),
        doc_.plans.size(),    doc_.section47.size(),       doc_.protection_plans.size(),
        doc_.reviews.size()};
    for (size_t t = 0; t < kCinTables; ++t) doc_.first_row[t] += sizes[t];
    doc_.children.clear();
    doc_.characteristics.clear();
    doc_.disabilities.clear();
    doc_.details.clear();
    doc_.assessments.clear();
    doc_.factors.clear();
    doc_.plans.clear();
    doc_.section47.clear();
    doc_.protection_plans.clear();
    doc_.reviews.clear();
  }

  void commit() {
    if (target_date_) {
      target_date_->text = text_;
      target_date_->day = parse_cin_date(text_);
    } else if (target_text_) {
      *target_text_ = text_;
    }
    capturing_ = false;
    target_text_ = nullptr;
    target_date_ = nullptr;
  }

  void capture(std::string* into) {
    capturing_ = true;
    target_text_ = into;
    target_date_ = nullptr;
  }
  void capture_date(CinDate* into) {
    capturing_ = true;
    target_text_ = nullptr;
    target_date_ = into;
  }

  void begin_child() {
    in_child_ = true;
    child_has_identifiers_ = false;
    child_has_characteristics_ = false;
    characteristics_have_disabilities_ = false;
    details_id_ = 0;
    doc_.children.push_back({});
    doc_.characteristics.push_back({});
    first_ = {doc_.disabilities.size(),     doc_.details.size(), doc_.assessments.size(),
              doc_.factors.size(),          doc_.plans.size(),   doc_.section47.size(),
              doc_.protection_plans.size(), doc_.reviews.size()};
  }

  // Every row of the child gets its LAchildID, whichever order the blocks came in.
  void end_child() {
    in_child_ = false;
    const std::string& id = doc_.children.back().la_child_id;
    doc_.characteristics.back().la_child_id = id;
    const size_t child = doc_.children.size() - 1;
    const auto label = [&](auto& rows, size_t from) {
      for (size_t i = from; i < rows.size(); ++i) {
        rows[i].la_child_id = id;
        rows[i].child = child;
      }
    };
    label(doc_.disabilities, first_[0]);
    label(doc_.details, first_[1]);
    label(doc_.assessments, first_[2]);
    label(doc_.factors, first_[3]);
    label(doc_.plans, first_[4]);
    label(doc_.section47, first_[5]);
    label(doc_.protection_plans, first_[6]);
    label(doc_.reviews, first_[7]);
    // Each assessment's list of factors, as the reference's Assessments table has it.
    std::map<std::pair<int64_t, int64_t>, size_t> assessment_row;
    for (size_t a = first_[2]; a < doc_.assessments.size(); ++a) {
      assessment_row.emplace(
          std::make_pair(doc_.assessments[a].details_id, doc_.assessments[a].assessment_id), a);
    }
    for (size_t i = first_[3]; i < doc_.factors.size(); ++i) {
      const CinAssessmentFactorRow& f = doc_.factors[i];
      const auto it = assessment_row.find({f.details_id, f.assessment_id});
      if (it != assessment_row.end()) doc_.assessments[it->second].factors.push_back(f.factor);
    }
  }

  Target field(Block block, std::string_view name) {
    const auto text = [](std::string& s, int bit) { return Target{&s, nullptr, bit}; };
    const auto date = [](CinDate& d, int bit) { return Target{nullptr, &d, bit}; };
    switch (block) {
      case Block::kCollectionDetails: {
        CinHeaderRow& h = doc_.header;
        if (name == "Collection") return text(h.collection, 0);
        if (name == "Year") return text(h.year, 1);
        if (name == "ReferenceDate") return date(h.reference_date, 2);
        break;
      }
      case Block::kSource: {
        CinHeaderRow& h = doc_.header;
        if (name == "SourceLevel") return text(h.source_level, 0);
        if (name == "LEA") return text(h.lea, 1);
        if (name == "SoftwareCode") return text(h.software_code, 2);
        if (name == "Release") return text(h.release, 3);
        if (name == "SerialNo") return text(h.serial_no, 4);
        if (name == "DateTime") return date(h.date_time, 5);
        break;
      }
      case Block::kIdentifiers: {
        CinChildRow& c = doc_.children.back();
        if (name == "LAchildID") return text(c.la_child_id, 0);
        if (name == "UPN") return text(c.upn, 1);
        if (name == "FormerUPN") return text(c.former_upn, 2);
        if (name == "UPNunknown") return text(c.upn_unknown, 3);
        if (name == "PersonBirthDate") return date(c.birth, 4);
        if (name == "ExpectedPersonBirthDate") return date(c.expected_birth, 5);
        if (name == "GenderCurrent") return text(c.gender_current, 6);
        if (name == "Sex") return text(c.sex, 7);
        if (name == "PersonDeathDate") return date(c.death, 8);
        break;
      }
      case Block::kCharacteristics:
        if (name == "Ethnicity") return text(doc_.characteristics.back().ethnicity, 0);
        break;
      case Block::kDetails: {
        CinDetailsRow& d = doc_.details.back();
        if (name == "CINreferralDate") return date(d.referral_date, 0);
        if (name == "ReferralSource") return text(d.referral_source, 1);
        if (name == "PrimaryNeedCode") return text(d.primary_need, 2);
        if (name == "CINclosureDate") return date(d.closure_date, 3);
        if (name == "ReasonForClosure") return text(d.closure_reason, 4);
        if (name == "DateOfInitialCPC") return date(d.initial_cpc, 5);
        if (name == "ReferralNFA") return text(d.referral_nfa, 6);
        break;
      }
      case Block::kAssessment: {
        CinAssessmentRow& a = doc_.assessments.back();
        if (name == "AssessmentActualStartDate") return date(a.start, 0);
        if (name == "AssessmentInternalReviewDate") return date(a.internal_review, 1);
        if (name == "AssessmentAuthorisationDate") return date(a.authorisation, 2);
        break;
      }
      case Block::kPlanDates: {
        CinPlanDatesRow& p = doc_.plans.back();
        if (name == "CINPlanStartDate") return date(p.start, 0);
        if (name == "CINPlanEndDate") return date(p.end, 1);
        break;
      }
      case Block::kSection47: {
        CinSection47Row& s = doc_.section47.back();
        if (name == "S47ActualStartDate") return date(s.start, 0);
        if (name == "InitialCPCtarget") return date(s.target, 1);
        if (name == "DateOfInitialCPC") return date(s.initial_cpc, 2);
        if (name == "ICPCnotRequired") return text(s.icpc_not_required, 3);
        break;
      }
      case Block::kProtectionPlan: {
        CinProtectionPlanRow& p = doc_.protection_plans.back();
        if (name == "CPPstartDate") return date(p.start, 0);
        if (name == "CPPendDate") return date(p.end, 1);
        if (name == "InitialCategoryOfAbuse") return text(p.initial_category, 2);
        if (name == "LatestCategoryOfAbuse") return text(p.latest_category, 3);
        if (name == "NumberOfPreviousCPP") return text(p.previous_plans, 4);
        break;
      }
      default:
        break;
    }
    return {};
  }

  std::string name_;
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser_;
  CinDocument doc_;
  std::vector<Block> stack_;
  std::string root_;
  std::string text_;
  bool capturing_ = false;
  std::string* target_text_ = nullptr;
  CinDate* target_date_ = nullptr;
  uint32_t seen_ = 0;          // fields read in the innermost block
  uint32_t details_seen_ = 0;  // fields read in the CINdetails block (its sub-blocks have their own)
  bool saw_header_ = false, in_header_ = false, saw_collection_ = false, saw_source_ = false;
  bool saw_children_ = false, in_children_ = false, in_child_ = false;
  bool child_has_identifiers_ = false, child_has_characteristics_ = false;
  bool characteristics_have_disabilities_ = false, assessment_has_factors_ = false;
  int64_t details_id_ = 0, assessment_id_ = 0, plan_id_ = 0;
  std::array<size_t, 8> first_{};
  size_t batch_size_ = 0;
  const CinBatchHandler* handler_ = nullptr;
  std::optional<Error> handler_error_;
};

}  // namespace

std::optional<Date> parse_cin_date(std::string_view text) {
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  return Date::parse_iso(text);
}

// Expat takes an int length: the file goes in pieces.
constexpr size_t kPiece = 1 << 16;

Result<CinDocument> read_cin_census(std::string_view xml, std::string_view name) {
  Reader reader(name);
  size_t at = 0;
  do {
    const size_t n = std::min(kPiece, xml.size() - at);
    if (Status s = reader.feed(xml.data() + at, n, at + n == xml.size()); !s) return s.error();
    at += n;
  } while (at < xml.size());
  return reader.finish();
}

namespace {

// Feeds the whole of `in` to the reader, a piece at a time.
Status feed_stream(Reader& reader, std::istream& in, std::string_view name) {
  std::vector<char> piece(kPiece);
  while (true) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    const auto n = static_cast<size_t>(in.gcount());
    if (in.bad()) return Error::invalid("cannot read " + std::string(name), "file");
    const bool last = in.eof();
    if (Status s = reader.feed(piece.data(), n, last); !s) return s;
    if (last) return Status::success();
  }
}

}  // namespace

Result<CinDocument> read_cin_census(std::istream& in, std::string_view name) {
  Reader reader(name);
  if (Status s = feed_stream(reader, in, name); !s) return s.error();
  return reader.finish();
}

Status read_cin_census_in_batches(std::istream& in, std::string_view name, size_t batch_children,
                                  const CinBatchHandler& on_batch) {
  Reader reader(name);
  reader.in_batches(batch_children, &on_batch);
  if (Status s = feed_stream(reader, in, name); !s) return s;
  return reader.finish_batches();
}

}  // namespace safeguard

namespace safeguard {
namespace {

// Each table's rows, by the child they belong to.
template <typename Rows>
std::vector<std::vector<size_t>> by_child(const Rows& rows, size_t children) {
  std::vector<std::vector<size_t>> out(children);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].child < children) out[rows[i].child].push_back(i);
  }
  return out;
}

void optional_text(XmlWriter& xml, std::string_view name, const std::string& text) {
  xml.optional(name, text);
}
void optional_date(XmlWriter& xml, std::string_view name, const CinDate& date) {
  xml.optional(name, date.text);
}

}  // namespace

std::string cin_document_xml(const CinDocument& c) {
  const size_t n = c.children.size();
  const auto disabilities = by_child(c.disabilities, n);
  const auto details = by_child(c.details, n);
  const auto assessments = by_child(c.assessments, n);
  const auto factors = by_child(c.factors, n);
  const auto plans = by_child(c.plans, n);
  const auto section47 = by_child(c.section47, n);
  const auto cpps = by_child(c.protection_plans, n);
  const auto reviews = by_child(c.reviews, n);

  XmlWriter xml;
  xml.open("Message");
  xml.open("Header");
  xml.open("CollectionDetails");
  optional_text(xml, "Collection", c.header.collection);
  optional_text(xml, "Year", c.header.year);
  optional_date(xml, "ReferenceDate", c.header.reference_date);
  xml.close("CollectionDetails");
  xml.open("Source");
  optional_text(xml, "SourceLevel", c.header.source_level);
  optional_text(xml, "LEA", c.header.lea);
  optional_text(xml, "SoftwareCode", c.header.software_code);
  optional_text(xml, "Release", c.header.release);
  optional_text(xml, "SerialNo", c.header.serial_no);
  optional_date(xml, "DateTime", c.header.date_time);
  xml.close("Source");
  xml.close("Header");
  xml.open("Children");
  for (size_t i = 0; i < n; ++i) {
    const CinChildRow& child = c.children[i];
    xml.open("Child");
    xml.open("ChildIdentifiers");
    optional_text(xml, "LAchildID", child.la_child_id);
    optional_text(xml, "UPN", child.upn);
    optional_text(xml, "FormerUPN", child.former_upn);
    optional_text(xml, "UPNunknown", child.upn_unknown);
    optional_date(xml, "PersonBirthDate", child.birth);
    optional_date(xml, "ExpectedPersonBirthDate", child.expected_birth);
    optional_text(xml, "GenderCurrent", child.gender_current);
    optional_text(xml, "Sex", child.sex);
    optional_date(xml, "PersonDeathDate", child.death);
    xml.close("ChildIdentifiers");
    xml.open("ChildCharacteristics");
    if (i < c.characteristics.size()) optional_text(xml, "Ethnicity", c.characteristics[i].ethnicity);
    if (!disabilities[i].empty()) {
      xml.open("Disabilities");
      for (const size_t d : disabilities[i]) xml.element("Disability", c.disabilities[d].disability);
      xml.close("Disabilities");
    }
    xml.close("ChildCharacteristics");
    for (const size_t e : details[i]) {
      const CinDetailsRow& d = c.details[e];
      xml.open("CINdetails");
      optional_date(xml, "CINreferralDate", d.referral_date);
      optional_text(xml, "ReferralSource", d.referral_source);
      optional_text(xml, "PrimaryNeedCode", d.primary_need);
      optional_date(xml, "CINclosureDate", d.closure_date);
      optional_text(xml, "ReasonForClosure", d.closure_reason);
      optional_date(xml, "DateOfInitialCPC", d.initial_cpc);
      for (const size_t a : assessments[i]) {
        const CinAssessmentRow& r = c.assessments[a];
        if (r.details_id != d.details_id) continue;
        xml.open("Assessments");
        optional_date(xml, "AssessmentActualStartDate", r.start);
        optional_date(xml, "AssessmentInternalReviewDate", r.internal_review);
        optional_date(xml, "AssessmentAuthorisationDate", r.authorisation);
        bool opened = false;
        for (const size_t f : factors[i]) {
          const CinAssessmentFactorRow& factor = c.factors[f];
          if (factor.details_id != d.details_id || factor.assessment_id != r.assessment_id) continue;
          if (!opened) xml.open("FactorsIdentifiedAtAssessment");
          opened = true;
          xml.element("AssessmentFactors", factor.factor);
        }
        if (opened) xml.close("FactorsIdentifiedAtAssessment");
        xml.close("Assessments");
      }
      for (const size_t p : plans[i]) {
        const CinPlanDatesRow& r = c.plans[p];
        if (r.details_id != d.details_id) continue;
        xml.open("CINPlanDates");
        optional_date(xml, "CINPlanStartDate", r.start);
        optional_date(xml, "CINPlanEndDate", r.end);
        xml.close("CINPlanDates");
      }
      for (const size_t s : section47[i]) {
        const CinSection47Row& r = c.section47[s];
        if (r.details_id != d.details_id) continue;
        xml.open("Section47");
        optional_date(xml, "S47ActualStartDate", r.start);
        optional_date(xml, "InitialCPCtarget", r.target);
        optional_date(xml, "DateOfInitialCPC", r.initial_cpc);
        optional_text(xml, "ICPCnotRequired", r.icpc_not_required);
        xml.close("Section47");
      }
      optional_text(xml, "ReferralNFA", d.referral_nfa);
      for (const size_t p : cpps[i]) {
        const CinProtectionPlanRow& r = c.protection_plans[p];
        if (r.details_id != d.details_id) continue;
        xml.open("ChildProtectionPlans");
        optional_date(xml, "CPPstartDate", r.start);
        optional_date(xml, "CPPendDate", r.end);
        optional_text(xml, "InitialCategoryOfAbuse", r.initial_category);
        optional_text(xml, "LatestCategoryOfAbuse", r.latest_category);
        optional_text(xml, "NumberOfPreviousCPP", r.previous_plans);
        bool opened = false;
        for (const size_t v : reviews[i]) {
          const CinReviewRow& review = c.reviews[v];
          if (review.details_id != d.details_id || review.plan_id != r.plan_id) continue;
          if (!opened) xml.open("Reviews");
          opened = true;
          xml.element("CPPreviewDate", review.date.text);
        }
        if (opened) xml.close("Reviews");
        xml.close("ChildProtectionPlans");
      }
      xml.close("CINdetails");
    }
    xml.close("Child");
  }
  xml.close("Children");
  xml.close("Message");
  return xml.take();
}

}  // namespace safeguard
