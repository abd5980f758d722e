#include "domain/codes.h"

#include <algorithm>
#include <array>

namespace safeguard {
namespace {

// Order and wording follow the DfE guidance, so a list reads the way it does in the census guide.
constexpr std::array kEthnicity{
    Code{"WBRI", "White British"},
    Code{"WIRI", "White Irish"},
    Code{"WIRT", "Traveller of Irish heritage"},
    Code{"WOTH", "Any other White background"},
    Code{"WROM", "Gypsy/Roma"},
    Code{"MWBC", "White and Black Caribbean"},
    Code{"MWBA", "White and Black African"},
    Code{"MWAS", "White and Asian"},
    Code{"MOTH", "Any other mixed background"},
    Code{"AIND", "Indian"},
    Code{"APKN", "Pakistani"},
    Code{"ABAN", "Bangladeshi"},
    Code{"AOTH", "Any other Asian background"},
    Code{"BCRB", "Black Caribbean"},
    Code{"BAFR", "Black African"},
    Code{"BOTH", "Any other Black background"},
    Code{"CHNE", "Chinese"},
    Code{"OOTH", "Any other ethnic group"},
    Code{"REFU", "Refused"},
    Code{"NOBT", "Information not yet obtained"},
};

constexpr std::array kDisability{
    Code{"NONE", "No disability"},   Code{"MOB", "Mobility"},      Code{"HAND", "Hand function"},
    Code{"PC", "Personal care"},     Code{"INC", "Incontinence"},  Code{"COMM", "Communication"},
    Code{"LD", "Learning"},          Code{"HEAR", "Hearing"},      Code{"VIS", "Vision"},
    Code{"BEH", "Behaviour"},        Code{"CON", "Consciousness"}, Code{"AUT", "Autism or Asperger syndrome"},
    Code{"DDA", "Other disability"},
};

constexpr std::array kSex{
    Code{"M", "Male"},
    Code{"F", "Female"},
    Code{"U", "Not known or not stated"},
};

// The DfE school-census language codes (CBDS extended list) for the languages most spoken in
// England, so a language recorded here matches the code a school uses for the same child. ENG and
// ENB come first because most records use them; OTH, NOT and REF are the DfE's catch-alls and
// come last. A language not listed is recorded as OTH.
constexpr std::array kFirstLanguage{
    Code{"ENG", "English"},        Code{"ENB", "Believed to be English"},
    Code{"ALB", "Albanian"},       Code{"ARA", "Arabic"},
    Code{"BNG", "Bengali"},        Code{"BSL", "British Sign Language"},
    Code{"BUL", "Bulgarian"},      Code{"CHI", "Chinese"},
    Code{"FRN", "French"},         Code{"GUJ", "Gujarati"},
    Code{"ITA", "Italian"},        Code{"KUR", "Kurdish"},
    Code{"LIT", "Lithuanian"},     Code{"PNJ", "Panjabi"},
    Code{"PAT", "Pashto"},         Code{"PRS", "Persian/Farsi"},
    Code{"POL", "Polish"},         Code{"POR", "Portuguese"},
    Code{"RMN", "Romanian"},       Code{"SOM", "Somali"},
    Code{"SPA", "Spanish"},        Code{"TAM", "Tamil"},
    Code{"TGR", "Tigrinya"},       Code{"TUR", "Turkish"},
    Code{"UKR", "Ukrainian"},      Code{"URD", "Urdu"},
    Code{"OTH", "Other language"}, Code{"NOT", "Not known"},
    Code{"REF", "Refused"},
};

// The England and Wales census religion categories (2021), with Safeguard's own codes: there is
// no DfE list for children's social care. NK and REF keep "we don't know" apart from "they chose
// not to say", which matters when a worker asks again.
constexpr std::array kReligion{
    Code{"NONE", "No religion"}, Code{"CHR", "Christian"},
    Code{"BUD", "Buddhist"},     Code{"HIN", "Hindu"},
    Code{"JEW", "Jewish"},       Code{"MUS", "Muslim"},
    Code{"SIK", "Sikh"},         Code{"OTH", "Any other religion"},
    Code{"NK", "Not known"},     Code{"REF", "Refused"},
};

constexpr std::array kRelationship{
    Code{"parent", "Parent"},
    Code{"step_parent", "Step-parent"},
    Code{"sibling", "Sibling"},
    Code{"half_sibling", "Half-sibling"},
    Code{"grandparent", "Grandparent"},
    Code{"carer", "Carer"},
    Code{"household_member", "Household member"},
    Code{"other_relative", "Other relative"},
};

constexpr std::array kIdentifierType{
    Code{"council_child_id", "Council child ID"},
    Code{"upn", "Unique pupil number (UPN)"},
    Code{"former_upn", "Former UPN"},
    Code{"nhs_number", "NHS number"},
    Code{"legacy_id", "Legacy system ID"},
};

constexpr std::array kReferralSource{
    Code{"1A", "Individual: family member, relative or carer"},
    Code{"1B", "Individual: acquaintance (including neighbours and child minders)"},
    Code{"1C", "Individual: self"},
    Code{"1D", "Individual: other (including strangers)"},
    Code{"2A", "Schools"},
    Code{"2B", "Education services"},
    Code{"3A", "Health services: GP"},
    Code{"3B", "Health services: health visitor"},
    Code{"3C", "Health services: school nurse"},
    Code{"3D", "Health services: other primary health services"},
    Code{"3E", "Health services: A&E (emergency department)"},
    Code{"3F", "Health services: other (for example hospice)"},
    Code{"4", "Housing (local authority or housing association)"},
    Code{"5A", "LA services: social care (for example adult social care)"},
    Code{"5B", "LA services: other internal (for example youth offending, excluding housing)"},
    Code{"5C", "LA services: external (another local authority's services)"},
    Code{"5D", "LA services: early help"},
    Code{"6", "Police"},
    Code{"7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)"},
    Code{"8", "Other (children's centres, independent or voluntary providers)"},
    Code{"9", "Anonymous"},
    Code{"10", "Unknown"},
};

// N0 last: "not stated" is the answer of last resort, and the census guide lists it there.
constexpr std::array kPrimaryNeed{
    Code{"N1", "Abuse or neglect"},
    Code{"N2", "Child's disability or illness"},
    Code{"N3", "Parental disability or illness"},
    Code{"N4", "Family in acute stress"},
    Code{"N5", "Family dysfunction"},
    Code{"N6", "Socially unacceptable behaviour"},
    Code{"N7", "Low income"},
    Code{"N8", "Absent parenting"},
    Code{"N9", "Cases other than children in need"},
    Code{"N0", "Not stated"},
};

constexpr std::array kReasonForClosure{
    Code{"RC1", "Adopted"},
    Code{"RC2", "Died"},
    Code{"RC3", "Child arrangements order"},
    Code{"RC4", "Special guardianship order"},
    Code{"RC5", "Transferred to another local authority"},
    Code{"RC6", "Transferred to adult social care"},
    Code{"RC7", "Services ceased for any other reason, including the child no longer being in need"},
    Code{"RC8", "Case closed after assessment, no further action"},
    Code{"RC9", "Case closed after assessment, referred to early help"},
};

// SSDA903 SWEpisodes SW_REASON (returns.md 2.3); required for every allocation (SW13STG1).
constexpr std::array kWorkerChangeReason{
    Code{"FCONTA", "First contact or re-referral"},
    Code{"MANAGE", "Caseload management"},
    Code{"LEFTRL", "Previous worker left the role"},
    Code{"ORGRST", "Restructure"},
    Code{"TSPROC", "Transfer under the standard process"},
    Code{"ABSENC", "Absence cover or return"},
    Code{"CHCHAN", "The child asked for a change"},
    Code{"PCCHAN", "A parent or carer asked for a change"},
    Code{"SWDIED", "Previous worker died"},
    Code{"OTHERS", "Other"},
};

constexpr std::array kCaseNoteType{
    Code{"phone_call", "Telephone call with the child or family"},
    Code{"professional", "Contact with another professional"},
    Code{"meeting", "Meeting"},
    Code{"correspondence", "Email, letter or message"},
    Code{"office_visit", "The child or family came to the office"},
    Code{"other", "Other"},
};

// What a single assessment concluded should happen next (domain.md, the journey).
constexpr std::array kAssessmentOutcome{
    Code{"cin_plan", "Child in need plan"},
    Code{"strategy_discussion", "Strategy discussion: concerns of significant harm"},
    Code{"looked_after", "The child needs to be looked after"},
    Code{"close_nfa", "Close: no further action (RC8)"},
    Code{"close_early_help", "Close: refer to early help (RC9)"},
};

// Who takes part in a strategy discussion (Working Together 2023: at least children's social care,
// the police and health; education and others where relevant).
constexpr std::array kStrategyAgency{
    Code{"social_care", "Children's social care"},
    Code{"police", "Police"},
    Code{"health", "Health"},
    Code{"education", "Education"},
    Code{"probation", "Probation"},
    Code{"other", "Other agency"},
};

constexpr std::array kStrategyDecision{
    Code{"section_47", "Start a section 47 enquiry"},
    Code{"no_section_47", "No section 47 enquiry: continue the assessment or support"},
};

// ICPCnotRequired in the CIN census is true for every outcome but "conference".
constexpr std::array kSection47Outcome{
    Code{"conference", "Concerns substantiated: convene an initial child protection conference"},
    Code{"child_in_need", "Concerns substantiated, no conference: support as a child in need"},
    Code{"not_substantiated", "Concerns not substantiated"},
};

constexpr std::array kPlanEndReason{
    Code{"no_longer_needed", "The child no longer needs the plan"},
    Code{"stepped_down", "Stepped down to a child in need plan"},
    Code{"stepped_up", "Replaced by a child protection plan"},
    Code{"looked_after", "The child became looked after"},
    Code{"moved_away", "The child moved to another council"},
    Code{"other", "Other"},
};

constexpr std::array kCategoryOfAbuse{
    Code{"NEG", "Neglect"},
    Code{"PHY", "Physical abuse"},
    Code{"SAB", "Sexual abuse"},
    Code{"EMO", "Emotional abuse"},
    Code{"MUL", "Multiple (not recommended)"},
};

// 18A and 19A were split into child-on-child (B) and adult-on-child (C) and now draw queries
// (8945Q, 8950Q), so they are not offered for new assessments.
constexpr std::array kAssessmentFactor{
    Code{"1A", "Alcohol misuse: concerns about the child"},
    Code{"1B", "Alcohol misuse: concerns about the parent or carer"},
    Code{"1C", "Alcohol misuse: concerns about another person living in the household"},
    Code{"2A", "Drug misuse: concerns about the child"},
    Code{"2B", "Drug misuse: concerns about the parent or carer"},
    Code{"2C", "Drug misuse: concerns about another person living in the household"},
    Code{"3A", "Domestic abuse: concerns about the child"},
    Code{"3B", "Domestic abuse: concerns about the parent or carer"},
    Code{"3C", "Domestic abuse: concerns about another person living in the household"},
    Code{"4A", "Mental health: concerns about the child"},
    Code{"4B", "Mental health: concerns about the parent or carer"},
    Code{"4C", "Mental health: concerns about another person living in the household"},
    Code{"5A", "Learning disability: concerns about the child"},
    Code{"5B", "Learning disability: concerns about the parent or carer"},
    Code{"5C", "Learning disability: concerns about another person living in the household"},
    Code{"6A", "Physical disability or illness: concerns about the child"},
    Code{"6B", "Physical disability or illness: concerns about the parent or carer"},
    Code{"6C", "Physical disability or illness: concerns about another person living in the household"},
    Code{"7A", "Young carer"},
    Code{"8B", "Privately fostered: overseas child who intends to return"},
    Code{"8C", "Privately fostered: overseas child who intends to stay"},
    Code{"8D", "Privately fostered: UK child in an educational placement"},
    Code{"8E", "Privately fostered: UK child in an alternative family arrangement"},
    Code{"8F", "Privately fostered: other"},
    Code{"9A", "Unaccompanied asylum-seeking child"},
    Code{"10A", "Going or being missing"},
    Code{"11A", "Child sexual exploitation"},
    Code{"12A", "Trafficking"},
    Code{"13A", "Gangs"},
    Code{"14A", "Socially unacceptable behaviour"},
    Code{"15A", "Self-harm"},
    Code{"16A", "Neglect"},
    Code{"17A", "Emotional abuse"},
    Code{"18B", "Physical abuse: child on child"},
    Code{"18C", "Physical abuse: adult on child"},
    Code{"19B", "Sexual abuse: child on child"},
    Code{"19C", "Sexual abuse: adult on child"},
    Code{"20", "Other"},
    Code{"21", "No factors identified"},
    Code{"22A", "Female genital mutilation"},
    Code{"23A", "Abuse linked to faith or belief"},
    Code{"24A", "Child criminal exploitation"},
};

// The words for each side of a relationship, by sex of the person described.
struct RelationshipWords {
  std::string_view code;
  std::string_view female, male, neutral;                  // X, the relative
  std::string_view inverse_female, inverse_male, inverse;  // Y, the person X is related to
};

constexpr std::array kRelationshipWords{
    RelationshipWords{"parent", "Mother", "Father", "Parent", "Daughter", "Son", "Child"},
    RelationshipWords{"step_parent", "Stepmother", "Stepfather", "Step-parent", "Stepdaughter", "Stepson",
                      "Stepchild"},
    RelationshipWords{"sibling", "Sister", "Brother", "Sibling", "Sister", "Brother", "Sibling"},
    RelationshipWords{"half_sibling", "Half-sister", "Half-brother", "Half-sibling", "Half-sister",
                      "Half-brother", "Half-sibling"},
    RelationshipWords{"grandparent", "Grandmother", "Grandfather", "Grandparent", "Granddaughter", "Grandson",
                      "Grandchild"},
    RelationshipWords{"carer", "Carer", "Carer", "Carer", "Cared-for child", "Cared-for child",
                      "Cared-for child"},
    RelationshipWords{"household_member", "Household member", "Household member", "Household member",
                      "Household member", "Household member", "Household member"},
    RelationshipWords{"other_relative", "Other relative", "Other relative", "Other relative",
                      "Other relative", "Other relative", "Other relative"},
};
static_assert(kRelationshipWords.size() == kRelationship.size(), "every relationship code needs its words");

const RelationshipWords* find_relationship(std::string_view code) {
  for (const RelationshipWords& words : kRelationshipWords) {
    if (words.code == code) return &words;
  }
  return nullptr;
}

// ---- the front door (Safeguard's own lists) ----

constexpr std::array kFrontDoorOutcome{
    Code{"nfa", "No further action"},
    Code{"advice", "Advice or signposting"},
    Code{"early_help", "Early help"},
    Code{"referral", "Referral to children's social care for assessment"},
    Code{"strategy_discussion", "Strategy discussion (possible significant harm)"},
    Code{"lado", "Referral to the LADO (allegation against someone who works with children)"},
};

constexpr std::array kUrgency{
    Code{"red", "Red"},
    Code{"amber", "Amber"},
    Code{"green", "Green"},
};

constexpr std::array kConsent{
    Code{"given", "The family consented to information being shared"},
    Code{"refused", "The family refused consent"},
    Code{"not_sought", "Consent was not sought"},
};

// The bases under UK GDPR and the Data Protection Act 2018 on which children's services share
// information without consent (Working Together to Safeguard Children; the DfE's information
// sharing advice for safeguarding practitioners).
constexpr std::array kLawfulBasis{
    Code{"consent", "Consent of the family (UK GDPR article 6(1)(a))"},
    Code{"safeguarding",
         "Safeguarding of children and individuals at risk (DPA 2018 Schedule 8, paragraph 4)"},
    Code{"statutory_duty",
         "Statutory duty: Children Act 1989 section 17 or 47 (UK GDPR article 6(1)(c) and (e))"},
    Code{"vital_interests", "Vital interests: a risk to life (UK GDPR article 6(1)(d))"},
    Code{"crime", "Prevention or detection of crime (DPA 2018 Schedule 1, paragraph 10)"},
};

constexpr std::array kAgency{
    Code{"police", "Police"},       Code{"health", "Health"},   Code{"education", "Education"},
    Code{"probation", "Probation"}, Code{"housing", "Housing"}, Code{"other", "Other agency"},
};

constexpr std::array kSharedField{
    Code{"name", "Names"},
    Code{"date_of_birth", "Date of birth"},
    Code{"address", "Address"},
    Code{"concerns", "The concerns as reported"},
};

// SSDA903 code lists (returns.md section 2.3), in the order of the DfE guide.
constexpr std::array kLegalStatus{
    Code{"C1", "Interim care order"},
    Code{"C2", "Full care order"},
    Code{"D1", "Freeing order granted"},
    Code{"E1", "Placement order granted"},
    Code{"V2", "Single period of accommodation under section 20"},
    Code{"V3",
         "Accommodated under an agreed series of short-term breaks, when individual episodes are "
         "recorded"},
    Code{"V4", "Accommodated under an agreed series of short-term breaks, when agreements are recorded"},
    Code{"L1", "Under police protection and in local authority accommodation"},
    Code{"L2", "Emergency protection order"},
    Code{"L3", "Under a child assessment order and in local authority accommodation"},
    Code{"J1", "Remanded to local authority accommodation or to youth detention accommodation"},
    Code{"J2", "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984"},
    Code{"J3", "Sentenced to a youth rehabilitation order with residence or intensive fostering requirement"},
};

constexpr std::array kPlacementType{
    Code{"U1", "Foster placement with relative or friend: long-term fostering"},
    Code{"U2",
         "Foster placement with relative or friend who is also an approved adopter: fostering for "
         "adoption or concurrent planning"},
    Code{"U3",
         "Foster placement with relative or friend: not long-term, fostering for adoption or "
         "concurrent planning"},
    Code{"U4", "Foster placement with other foster carer: long-term fostering"},
    Code{"U5",
         "Foster placement with other foster carer who is also an approved adopter: fostering for "
         "adoption or concurrent planning"},
    Code{"U6",
         "Foster placement with other foster carer: not long-term, fostering for adoption or "
         "concurrent planning"},
    Code{"A3", "Placed for adoption with parental consent, with current foster carer"},
    Code{"A4", "Placed for adoption with parental consent, not with current foster carer"},
    Code{"A5", "Placed for adoption with a placement order, with current foster carer"},
    Code{"A6", "Placed for adoption with a placement order, not with current foster carer"},
    Code{"K1", "Secure children's home"},
    Code{"K2", "Children's home subject to the Children's Homes Regulations"},
    Code{"K3", "Supported accommodation"},
    Code{"P1", "Placed with own parent or other person with parental responsibility"},
    Code{"P3", "Residential employment"},
    Code{"R1", "Residential care home"},
    Code{"R2", "NHS or health trust, or other establishment providing medical or nursing care"},
    Code{"R3", "Family centre or mother and baby unit"},
    Code{"R5", "Young offender institution"},
    Code{"S1", "Residential school, except where dual-registered as a school and children's home"},
    Code{"T0", "Temporary move: all types"},
    Code{"T1", "Temporary period in hospital"},
    Code{"T2", "Temporary absence of the child on holiday"},
    Code{"T3", "Temporary accommodation while the usual foster carer is on holiday"},
    Code{"T4", "Temporary accommodation of seven days or less, for any other reason"},
    Code{"Z11", "Other placement (Z11)"},
    Code{"Z12", "Other placement (Z12)"},
    Code{"Z13", "Other placement (Z13)"},
    Code{"Z14", "Other placement (Z14)"},
};

constexpr std::array kPlacementProvider{
    Code{"PR0", "Parent or other person with parental responsibility"},
    Code{"PR1", "The council's own provision (including a regional adoption agency it hosts)"},
    Code{"PR2", "Another council's provision (including a regional adoption agency another council hosts)"},
    Code{"PR3", "Other public provision, such as health"},
    Code{"PR4", "Private provision"},
    Code{"PR5", "Voluntary or third sector provision"},
};

constexpr std::array kReasonEpisodeCeased{
    Code{"X1", "Episode ceased and the child remains looked after"},
    Code{"E11", "Adopted: application unopposed"},
    Code{"E12", "Adopted: consent dispensed with by the court"},
    Code{"E2", "Died"},
    Code{"E3", "Care taken over by another local authority"},
    Code{"E4A",
         "Returned home to live with parents, relatives or other person with parental "
         "responsibility, as part of the care plan"},
    Code{"E4B",
         "Returned home to live with parents, relatives or other person with parental "
         "responsibility, not as part of the care plan"},
    Code{"E13", "Left care to live with parents, relatives or others with no parental responsibility"},
    Code{"E41", "Residence order or child arrangements order granted"},
    Code{"E45", "Special guardianship order to former foster carer who was a relative or friend"},
    Code{"E46", "Special guardianship order to former foster carer, other than relative or friend"},
    Code{"E47",
         "Special guardianship order to carer, other than former foster carer, who was a relative or "
         "friend"},
    Code{"E48",
         "Special guardianship order to carer, other than former foster carer, other than relative "
         "or friend"},
    Code{"E5", "Moved into independent living arrangement with formalised support"},
    Code{"E6", "Moved into independent living arrangement without formalised support"},
    Code{"E7", "Transferred to residential care funded by adult social care services"},
    Code{"E9", "Sentenced to custody"},
    Code{"E14", "Accommodation on remand ended"},
    Code{"E15", "Age assessment determined the child is aged 18 or over"},
    Code{"E16", "Child moved abroad"},
    Code{"E17", "Aged 18 or over and remained with current carers (staying put)"},
    Code{"E8", "Period of being looked after ceased for any other reason"},
};

constexpr std::array kReasonPlaceChange{
    Code{"CARPL", "Change to the care plan"},
    Code{"CLOSE", "Carer resigned or the provision closed"},
    Code{"ALLEG", "Section 47 allegation against the carer"},
    Code{"STAND", "Concerns about the standard of care"},
    Code{"APPRR", "The carer's approval was removed"},
    Code{"CREQB", "The carer asked to end the placement because of the child's behaviour"},
    Code{"CREQO", "The carer asked to end the placement for other reasons"},
    Code{"CHILD", "The child asked to end the placement"},
    Code{"LAREQ", "The responsible or area authority asked to end the placement"},
    Code{"PLACE", "A change to the status of the placement only"},
    Code{"CUSTOD", "Custody arrangement"},
    Code{"OTHER", "Other"},
};

constexpr std::array kReviewParticipation{
    Code{"PN0", "The child was under 4 at the time of the review"},
    Code{"PN1", "The child attended and spoke for themself"},
    Code{"PN2", "The child attended and an advocate spoke for them"},
    Code{"PN3", "The child attended and conveyed their views symbolically (non-verbally)"},
    Code{"PN4",
         "The child attended but did not speak for themself, convey their views symbolically or "
         "ask an advocate to speak for them"},
    Code{"PN5", "The child did not attend but briefed an advocate to speak for them"},
    Code{"PN6", "The child did not attend but conveyed their feelings through a facilitative medium"},
    Code{"PN7", "The child did not attend and their views were not conveyed"},
};

constexpr std::array kPermanencePlan{
    Code{"return_home", "Return to parents or family"},
    Code{"adoption", "Adoption"},
    Code{"special_guardianship", "Special guardianship"},
    Code{"child_arrangements", "Child arrangements order"},
    Code{"long_term_fostering", "Long-term fostering"},
    Code{"residential", "Long-term residential care"},
    Code{"independent_living", "Independent living or supported accommodation"},
    Code{"not_yet_decided", "Not yet decided: the plan is still being assessed"},
};

constexpr std::array kMissingType{
    Code{"M", "Missing: whereabouts unknown"},
    Code{"A", "Away from placement without authorisation: whereabouts known"},
};

constexpr std::array kHealthCheck{
    Code{"initial_assessment", "Initial health assessment"},
    Code{"review_assessment", "Review health assessment"},
    Code{"dental", "Dental check"},
    Code{"development", "Development check (under 5)"},
};

constexpr std::array kSdqReason{
    Code{"SDQ1", "No form returned: the child was under 4 or over 16"},
    Code{"SDQ2", "The carer refused to complete the form"},
    Code{"SDQ3", "Not possible because of the severity of the child's disability"},
    Code{"SDQ4", "Other reason"},
    Code{"SDQ5", "The young person refused to complete the form"},
};

constexpr std::array kInTouch{
    Code{"YES", "Yes: the council is in touch with the young person"},
    Code{"NO", "No: the council is not in touch"},
    Code{"DIED", "The young person has died"},
    Code{"REFU", "The young person refuses contact"},
    Code{"NREQ", "The young person no longer needs services"},
    Code{"RHOM", "The young person has returned home to their parents for 6 months or more"},
};

constexpr std::array kCareLeaverActivity{
    Code{"F1", "Full-time in higher education"},
    Code{"P1", "Part-time in higher education"},
    Code{"F2", "Full-time in education other than higher education"},
    Code{"P2", "Part-time in education other than higher education"},
    Code{"F4", "Full-time apprenticeship"},
    Code{"P4", "Part-time apprenticeship"},
    Code{"F5", "Full-time training or employment"},
    Code{"P5", "Part-time training or employment"},
    Code{"G4", "Not in education, employment or training: illness or disability"},
    Code{"G5", "Not in education, employment or training: other reasons"},
    Code{"G6", "Not in education, employment or training: pregnancy or parenting"},
    Code{"0", "Not applicable: not in touch"},
};

constexpr std::array kCareLeaverAccommodation{
    Code{"B1", "With parents or relatives: suitable"},
    Code{"B2", "With parents or relatives: not suitable"},
    Code{"C1", "Community home or other residential care: suitable"},
    Code{"C2", "Community home or other residential care: not suitable"},
    Code{"D1", "Semi-independent, transitional accommodation: suitable"},
    Code{"D2", "Semi-independent, transitional accommodation: not suitable"},
    Code{"E1", "Supported lodgings: suitable"},
    Code{"E2", "Supported lodgings: not suitable"},
    Code{"G1", "Gone abroad: suitable"},
    Code{"G2", "Gone abroad: not suitable"},
    Code{"H1", "Deported: suitable"},
    Code{"H2", "Deported: not suitable"},
    Code{"K1", "Ordinary lodgings, without support: suitable"},
    Code{"K2", "Ordinary lodgings, without support: not suitable"},
    Code{"R1", "Residence not known: suitable"},
    Code{"R2", "Residence not known: not suitable"},
    Code{"S2", "No fixed abode or homeless: not suitable"},
    Code{"T1", "Foyer or similar supported accommodation: suitable"},
    Code{"T2", "Foyer or similar supported accommodation: not suitable"},
    Code{"U1", "Independent living: suitable"},
    Code{"U2", "Independent living: not suitable"},
    Code{"V1", "Emergency accommodation: suitable"},
    Code{"V2", "Emergency accommodation: not suitable"},
    Code{"W1", "Bed and breakfast: suitable"},
    Code{"W2", "Bed and breakfast: not suitable"},
    Code{"X2", "In custody: not suitable"},
    Code{"Y1", "Other accommodation: suitable"},
    Code{"Y2", "Other accommodation: not suitable"},
    Code{"Z1", "With former foster carers (staying put): suitable"},
    Code{"Z2", "With former foster carers (staying put): not suitable"},
    Code{"0", "Not applicable: not in touch"},
};

// SSDA903 PREV_PERM (returns.md 2.3).
constexpr std::array kPreviousPermanence{
    Code{"Z1", "No previous permanence order"},
    Code{"P1", "Adoption"},
    Code{"P2", "Special guardianship order"},
    Code{"P3", "Child arrangements order (or residence order) naming with whom the child lives"},
    Code{"P4", "A permanence order of a type not known"},
};

// SSDA903 SEX_ADOPTR: NB_ADOPTR is 1 for M1 and F1, 2 for the rest (validator rule 511).
constexpr std::array kAdopters{
    Code{"F1", "A woman on her own"}, Code{"M1", "A man on his own"}, Code{"MF", "A woman and a man"},
    Code{"FF", "Two women"},          Code{"MM", "Two men"},
};

constexpr std::array kAdoptersRelationship{
    Code{"single", "Single: adopting alone"},
    Code{"married", "Married"},
    Code{"civil_partners", "Civil partners"},
    Code{"unmarried", "A couple, not married or in a civil partnership"},
};

// SSDA903 LS_ADOPTR. The DfE guide's meanings, which fit the sexes rules 514 to 524 allow: a couple
// of opposite sexes is married (L11) or in a civil partnership (L3); a couple of the same sex, in a
// civil partnership (L12) or married (L4).
constexpr std::array kAdoptersLegalStatus{
    Code{"L0", "Single"},
    Code{"L11", "Married couple, a woman and a man"},
    Code{"L12", "Civil partners of the same sex"},
    Code{"L2", "Unmarried couple"},
    Code{"L3", "Civil partners, a woman and a man"},
    Code{"L4", "Married couple of the same sex"},
};

// SSDA903 REASON_PLACED_CEASED.
constexpr std::array kReasonNoLongerPlaced{
    Code{"RD1", "The child's needs changed"},
    Code{"RD2", "The court did not make a placement order"},
    Code{"RD3", "No suitable adopters could be found"},
    Code{"RD4", "Any other reason"},
};

// The Department's numbers of English local authorities, as validator rule 633 lists them, with 999.
constexpr std::array<std::string_view, 153> kLocalAuthorityNumbers{
    "201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "301",
    "302", "303", "304", "305", "306", "307", "308", "309", "310", "311", "312", "313", "314", "315",
    "316", "317", "318", "319", "320", "330", "331", "332", "333", "334", "335", "336", "340", "341",
    "342", "343", "344", "350", "351", "352", "353", "354", "355", "356", "357", "358", "359", "370",
    "371", "372", "373", "380", "381", "382", "383", "384", "390", "391", "392", "393", "394", "420",
    "800", "801", "802", "803", "805", "806", "807", "808", "810", "811", "812", "813", "815", "816",
    "821", "822", "823", "825", "826", "830", "831", "835", "836", "837", "840", "841", "845", "846",
    "850", "851", "852", "855", "856", "857", "860", "861", "865", "866", "867", "868", "869", "870",
    "871", "872", "873", "874", "876", "877", "878", "879", "880", "881", "882", "883", "884", "885",
    "886", "887", "888", "889", "890", "891", "892", "893", "894", "895", "896", "908", "909", "916",
    "919", "921", "925", "926", "928", "929", "931", "933", "935", "936", "937", "938", "999",
};

constexpr std::array kExploitationRisk{
    Code{"none", "No risk identified"},
    Code{"low", "Low risk"},
    Code{"medium", "Medium risk"},
    Code{"high", "High risk"},
};

std::string_view by_sex(char sex, std::string_view female, std::string_view male, std::string_view neutral) {
  if (sex == 'F') return female;
  if (sex == 'M') return male;
  return neutral;
}

}  // namespace

std::span<const Code> codes(CodeList list) {
  switch (list) {
    case CodeList::kEthnicity:
      return kEthnicity;
    case CodeList::kDisability:
      return kDisability;
    case CodeList::kSex:
      return kSex;
    case CodeList::kFirstLanguage:
      return kFirstLanguage;
    case CodeList::kReligion:
      return kReligion;
    case CodeList::kRelationship:
      return kRelationship;
    case CodeList::kIdentifierType:
      return kIdentifierType;
    case CodeList::kReferralSource:
      return kReferralSource;
    case CodeList::kPrimaryNeed:
      return kPrimaryNeed;
    case CodeList::kReasonForClosure:
      return kReasonForClosure;
    case CodeList::kCategoryOfAbuse:
      return kCategoryOfAbuse;
    case CodeList::kAssessmentFactor:
      return kAssessmentFactor;
    case CodeList::kFrontDoorOutcome:
      return kFrontDoorOutcome;
    case CodeList::kUrgency:
      return kUrgency;
    case CodeList::kConsent:
      return kConsent;
    case CodeList::kLawfulBasis:
      return kLawfulBasis;
    case CodeList::kAgency:
      return kAgency;
    case CodeList::kSharedField:
      return kSharedField;
    case CodeList::kWorkerChangeReason:
      return kWorkerChangeReason;
    case CodeList::kCaseNoteType:
      return kCaseNoteType;
    case CodeList::kAssessmentOutcome:
      return kAssessmentOutcome;
    case CodeList::kStrategyAgency:
      return kStrategyAgency;
    case CodeList::kStrategyDecision:
      return kStrategyDecision;
    case CodeList::kSection47Outcome:
      return kSection47Outcome;
    case CodeList::kPlanEndReason:
      return kPlanEndReason;
    case CodeList::kLegalStatus:
      return kLegalStatus;
    case CodeList::kCategoryOfNeed:
      return std::span<const Code>(kPrimaryNeed).first(8);  // N1..N8, the same words
    case CodeList::kPlacementType:
      return kPlacementType;
    case CodeList::kPlacementProvider:
      return kPlacementProvider;
    case CodeList::kReasonEpisodeCeased:
      return kReasonEpisodeCeased;
    case CodeList::kReasonPlaceChange:
      return kReasonPlaceChange;
    case CodeList::kReviewParticipation:
      return kReviewParticipation;
    case CodeList::kPermanencePlan:
      return kPermanencePlan;
    case CodeList::kMissingType:
      return kMissingType;
    case CodeList::kExploitationRisk:
      return kExploitationRisk;
    case CodeList::kHealthCheck:
      return kHealthCheck;
    case CodeList::kSdqReason:
      return kSdqReason;
    case CodeList::kInTouch:
      return kInTouch;
    case CodeList::kCareLeaverActivity:
      return kCareLeaverActivity;
    case CodeList::kCareLeaverAccommodation:
      return kCareLeaverAccommodation;
    case CodeList::kPreviousPermanence:
      return kPreviousPermanence;
    case CodeList::kAdopters:
      return kAdopters;
    case CodeList::kAdoptersRelationship:
      return kAdoptersRelationship;
    case CodeList::kAdoptersLegalStatus:
      return kAdoptersLegalStatus;
    case CodeList::kReasonNoLongerPlaced:
      return kReasonNoLongerPlaced;
  }
  return {};  // an out-of-range enum value: no codes rather than undefined behaviour
}

bool is_valid_code(CodeList list, std::string_view code) { return code_label(list, code).has_value(); }

std::optional<std::string_view> code_label(CodeList list, std::string_view code) {
  // Lists are at most a few dozen entries: a scan beats a map and needs no start-up work.
  for (const Code& entry : codes(list)) {
    if (entry.code == code) return entry.label;
  }
  return std::nullopt;
}

std::string_view code_list_name(CodeList list) {
  switch (list) {
    case CodeList::kEthnicity:
      return "ethnicity";
    case CodeList::kDisability:
      return "disability";
    case CodeList::kSex:
      return "sex";
    case CodeList::kFirstLanguage:
      return "first language";
    case CodeList::kReligion:
      return "religion";
    case CodeList::kRelationship:
      return "relationship";
    case CodeList::kIdentifierType:
      return "identifier type";
    case CodeList::kReferralSource:
      return "referral source";
    case CodeList::kPrimaryNeed:
      return "primary need";
    case CodeList::kReasonForClosure:
      return "reason for closure";
    case CodeList::kCategoryOfAbuse:
      return "category of abuse";
    case CodeList::kAssessmentFactor:
      return "assessment factor";
    case CodeList::kFrontDoorOutcome:
      return "front door outcome";
    case CodeList::kUrgency:
      return "urgency";
    case CodeList::kConsent:
      return "consent";
    case CodeList::kLawfulBasis:
      return "lawful basis";
    case CodeList::kAgency:
      return "agency";
    case CodeList::kSharedField:
      return "shared field";
    case CodeList::kWorkerChangeReason:
      return "reason for a change of social worker";
    case CodeList::kCaseNoteType:
      return "case note type";
    case CodeList::kAssessmentOutcome:
      return "assessment outcome";
    case CodeList::kStrategyAgency:
      return "strategy discussion agency";
    case CodeList::kStrategyDecision:
      return "strategy discussion decision";
    case CodeList::kSection47Outcome:
      return "enquiry outcome";
    case CodeList::kPlanEndReason:
      return "reason a plan ended";
    case CodeList::kLegalStatus:
      return "legal status";
    case CodeList::kCategoryOfNeed:
      return "category of need";
    case CodeList::kPlacementType:
      return "placement type";
    case CodeList::kPlacementProvider:
      return "placement provider";
    case CodeList::kReasonEpisodeCeased:
      return "reason an episode of care ended";
    case CodeList::kReasonPlaceChange:
      return "reason for a change of placement";
    case CodeList::kReviewParticipation:
      return "review participation";
    case CodeList::kPermanencePlan:
      return "permanence plan";
    case CodeList::kMissingType:
      return "missing or away";
    case CodeList::kExploitationRisk:
      return "exploitation risk";
    case CodeList::kHealthCheck:
      return "health check";
    case CodeList::kSdqReason:
      return "strengths and difficulties reason";
    case CodeList::kInTouch:
      return "in touch";
    case CodeList::kCareLeaverActivity:
      return "care leaver activity";
    case CodeList::kCareLeaverAccommodation:
      return "care leaver accommodation";
    case CodeList::kPreviousPermanence:
      return "previous permanence";
    case CodeList::kAdopters:
      return "adopters";
    case CodeList::kAdoptersRelationship:
      return "relationship of adopters";
    case CodeList::kAdoptersLegalStatus:
      return "legal status of adopters";
    case CodeList::kReasonNoLongerPlaced:
      return "reason a child is no longer to be placed for adoption";
  }
  return "code";
}

std::string_view relationship_label(std::string_view code, char sex) {
  const RelationshipWords* words = find_relationship(code);
  if (words == nullptr) return {};
  return by_sex(sex, words->female, words->male, words->neutral);
}

std::string_view inverse_relationship_label(std::string_view code, char sex) {
  const RelationshipWords* words = find_relationship(code);
  if (words == nullptr) return {};
  return by_sex(sex, words->inverse_female, words->inverse_male, words->inverse);
}

bool is_local_authority_code(std::string_view code) {
  if (code == "WAL" || code == "SCO" || code == "NIR" || code == "NUK") return true;
  return std::find(kLocalAuthorityNumbers.begin(), kLocalAuthorityNumbers.end(), code) !=
         kLocalAuthorityNumbers.end();
}

}  // namespace safeguard
