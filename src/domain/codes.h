// The code lists a person's record and a child's episodes are recorded in.
//
// Most lists are the Department for Education's, with the exact codes the Children in Need census
// and the SSDA903 return expect (see shared/design/returns.md, section 1.3), so a value recorded in
// Safeguard goes into a return unchanged. Where the DfE prescribes no list for children's social
// care, the list is Safeguard's own and says so below; its codes are stable identifiers that the
// database stores, so a code once shipped is never renamed or reused, only retired.
//
// Lists are in display order (the order a drop-down shows them). Codes are compared exactly and
// case-sensitively, because the returns are: "wbri" is not an ethnicity code.
//
// Thread safety: everything here is immutable data and pure functions; safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace safeguard {

struct Code {
  std::string_view code;
  std::string_view label;
};

enum class CodeList {
  kEthnicity,            // DfE, 20 codes (CIN ChildCharacteristics/Ethnicity, SSDA903 ETHNIC)
  kDisability,           // DfE, 13 codes (CIN Disability); NONE is exclusive (rule 8790)
  kSex,                  // DfE CIN Sex from 2024-25: M, F, U (U also for unborn children)
  kFirstLanguage,        // DfE school-census language codes: a short list of the most spoken in England
  kReligion,             // Safeguard's own codes for the England census religion categories
  kRelationship,         // Safeguard's own: how one person relates to another (see relationship_label)
  kIdentifierType,       // Safeguard's own: the kinds of identifier a person can carry
  kReferralSource,       // DfE CIN ReferralSource, 22 codes
  kPrimaryNeed,          // DfE CIN PrimaryNeedCode, N0..N9
  kReasonForClosure,     // DfE CIN ReasonForClosure, RC1..RC9
  kCategoryOfAbuse,      // DfE CIN Initial/LatestCategoryOfAbuse: NEG PHY SAB EMO MUL
  kAssessmentFactor,     // DfE CIN AssessmentFactors, current codes only (not the retired 18A/19A)
  kFrontDoorOutcome,     // Safeguard's own: what the front door decides for a child on a contact
  kUrgency,              // Safeguard's own: red, amber, green, set by the front-door worker
  kConsent,              // Safeguard's own: whether the family consented to information being shared
  kLawfulBasis,          // Safeguard's own: the lawful basis for sharing information
  kAgency,               // Safeguard's own: the partner agencies of the MASH
  kSharedField,          // Safeguard's own: what a MASH enquiry shares about each child
  kWorkerChangeReason,   // DfE SSDA903 SW_REASON: why a child's allocated social worker changed
  kCaseNoteType,         // Safeguard's own: what a case note records
  kAssessmentOutcome,    // Safeguard's own: what a single assessment concluded should happen next
  kStrategyAgency,       // Safeguard's own: the agencies at a strategy discussion
  kStrategyDecision,     // Safeguard's own: what a strategy discussion decided
  kSection47Outcome,     // Safeguard's own: what a section 47 enquiry concluded
  kPlanEndReason,        // Safeguard's own: why a child in need or child protection plan ended
  kLegalStatus,          // DfE SSDA903 LS: the legal basis on which a child is looked after
  kCategoryOfNeed,       // DfE SSDA903 CIN: N1..N8 (the CIN census primary needs without N0/N9)
  kPlacementType,        // DfE SSDA903 PLACE, 2025-26 list (Z11..Z14 replace Z1; K3 replaces H5)
  kPlacementProvider,    // DfE SSDA903 PLACE_PROVIDER: PR0..PR5
  kReasonEpisodeCeased,  // DfE SSDA903 REC: why an episode of care ended (X1: the child stays looked after)
  kReasonPlaceChange,    // DfE SSDA903 REASON_PLACE_CHANGE: why a placement ended
  kReviewParticipation,  // DfE SSDA903 REVIEW_CODE: how the child took part in a looked-after review
  kPermanencePlan,       // Safeguard's own: the permanence plan a looked-after review confirms
  kMissingType,          // DfE SSDA903 MISSING: M missing, A away without authorisation
  kExploitationRisk,     // Safeguard's own: the risk level an exploitation screening finds
  kHealthCheck,          // Safeguard's own: the health checks of a child looked after (SSDA903 OC2)
  kSdqReason,            // DfE SSDA903 SDQ_REASON: why a child has no SDQ score
  kInTouch,              // DfE SSDA903 IN_TOUCH: whether the council is in touch with a care leaver
  kCareLeaverActivity,   // DfE SSDA903 ACTIV: a care leaver's main activity
  kCareLeaverAccommodation,  // DfE SSDA903 ACCOM: a care leaver's accommodation, 1 suitable, 2 not
  kPreviousPermanence,       // DfE SSDA903 PREV_PERM: an order that gave the child a home before care
  kAdopters,                 // DfE SSDA903 SEX_ADOPTR: who adopts (one or two, and their sexes)
  kAdoptersRelationship,     // Safeguard's own: a couple's relationship, which gives SSDA903 LS_ADOPTR
  kAdoptersLegalStatus,      // DfE SSDA903 LS_ADOPTR, derived from kAdopters and kAdoptersRelationship
  kReasonNoLongerPlaced,     // DfE SSDA903 REASON_PLACED_CEASED: RD1..RD4
};

// Every code of the list, in display order. The span refers to static storage.
std::span<const Code> codes(CodeList list);

// True if `code` is one of the list's codes, compared exactly (case and spaces matter).
bool is_valid_code(CodeList list, std::string_view code);

// The label for `code`, or nullopt if the list has no such code. The view refers to static storage.
std::optional<std::string_view> code_label(CodeList list, std::string_view code);

// The list's name in plain lower-case words ("ethnicity", "first language", "referral source"), for
// messages such as "'XYZ' is not a valid first language code".
std::string_view code_list_name(CodeList list);

// True for the codes SSDA903 takes for a local authority (LA_PERM): the Department's three-digit
// numbers of English councils and 999, and WAL, SCO, NIR and NUK for Wales, Scotland, Northern
// Ireland and outside the United Kingdom (validator rule 633).
bool is_local_authority_code(std::string_view code);

// Relationships are recorded once, as "X is the <code> of Y", and shown from both sides. These give
// the words for each side, fitted to a person's sex ('M', 'F'; anything else, such as 'U', gets the
// neutral word). Both return an empty view for a code that is not in CodeList::kRelationship.
//
// The word for X, given X's sex: parent + 'F' is "Mother", sibling + 'M' is "Brother".
std::string_view relationship_label(std::string_view code, char sex);
// The word for Y, given Y's sex, when X is Y's <code>: parent + 'F' is "Daughter" (Y is X's
// daughter), grandparent + 'U' is "Grandchild", carer is "Cared-for child". Sibling, half-sibling,
// household member and other relative are symmetric.
std::string_view inverse_relationship_label(std::string_view code, char sex);

}  // namespace safeguard
