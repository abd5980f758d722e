#include "synth/names.h"

#include <algorithm>
#include <array>
#include <span>

namespace safeguard::synth {
namespace {

using Names = std::span<const std::string_view>;

// ---- British forenames by decade of birth: common names of each decade in England among White
// British families (names common in other communities are in their own lists below) ----

constexpr std::string_view kBoys1950[] = {
    "David",   "John",   "Peter", "Michael", "Alan",        "Robert",  "Stephen",  "Paul",
    "Brian",   "Graham", "Keith", "Richard", "Christopher", "Anthony", "Kevin",    "Colin",
    "Trevor",  "Roger",  "Barry", "Terence", "Malcolm",     "Ian",     "Geoffrey", "Raymond",
    "Kenneth", "Philip", "Derek", "Clive",   "Gary",        "Martin"};
constexpr std::string_view kGirls1950[] = {
    "Susan",   "Linda",   "Christine", "Margaret",   "Janet",   "Patricia", "Carol",   "Elizabeth",
    "Mary",    "Anne",    "Jane",      "Jacqueline", "Barbara", "Valerie",  "Pauline", "Sandra",
    "Maureen", "Gillian", "Lesley",    "Julie",      "Karen",   "Jean",     "Brenda",  "Diane",
    "Wendy",   "Sheila",  "Angela",    "Kathleen",   "Judith",  "Marilyn"};
constexpr std::string_view kBoys1960[] = {"Paul",        "David",  "Mark",  "Andrew", "Michael", "Stephen",
                                          "Ian",         "Gary",   "Peter", "John",   "Robert",  "Richard",
                                          "Steven",      "Kevin",  "Neil",  "Simon",  "Martin",  "Anthony",
                                          "Christopher", "Darren", "Nigel", "Philip", "Timothy", "Keith",
                                          "Shaun",       "Dean",   "Wayne", "Jason",  "Colin",   "Trevor"};
constexpr std::string_view kGirls1960[] = {
    "Julie",    "Susan",  "Karen",     "Tracey",   "Jacqueline", "Deborah",  "Alison",   "Amanda",
    "Sarah",    "Helen",  "Elizabeth", "Joanne",   "Dawn",       "Sharon",   "Angela",   "Lisa",
    "Michelle", "Sandra", "Nicola",    "Caroline", "Catherine",  "Lorraine", "Beverley", "Gillian",
    "Wendy",    "Claire", "Jane",      "Teresa",   "Paula",      "Kim"};
constexpr std::string_view kBoys1970[] = {"Paul",   "Mark",   "David",   "Andrew",  "Richard", "Christopher",
                                          "James",  "Simon",  "Michael", "Matthew", "Stephen", "Lee",
                                          "Jason",  "Darren", "Daniel",  "Craig",   "Robert",  "Neil",
                                          "Ian",    "Gary",   "Carl",    "Dean",    "Wayne",   "Jonathan",
                                          "Martin", "Scott",  "Adam",    "Stuart",  "Anthony", "Russell"};
constexpr std::string_view kGirls1970[] = {
    "Sarah",    "Claire",   "Nicola",   "Emma",   "Lisa",    "Joanne",   "Michelle", "Helen",
    "Samantha", "Karen",    "Amanda",   "Rachel", "Louise",  "Julie",    "Clare",    "Rebecca",
    "Sharon",   "Victoria", "Caroline", "Susan",  "Kelly",   "Donna",    "Tracey",   "Stephanie",
    "Natalie",  "Zoe",      "Kerry",    "Joanna", "Lindsay", "Elizabeth"};
constexpr std::string_view kBoys1980[] = {
    "Christopher", "James",   "David", "Daniel",   "Michael", "Matthew", "Andrew",    "Richard", "Paul",
    "Mark",        "Thomas",  "Adam",  "Robert",   "John",    "Lee",     "Benjamin",  "Steven",  "Jonathan",
    "Craig",       "Stephen", "Simon", "Nicholas", "Peter",   "Anthony", "Alexander", "Gary",    "Ian",
    "Ryan",        "Luke",    "Jamie", "Carl",     "Dean",    "Ashley",  "Liam"};
constexpr std::string_view kGirls1980[] = {
    "Sarah",  "Laura",    "Gemma",    "Emma",   "Rebecca",   "Claire", "Victoria", "Samantha",
    "Rachel", "Amy",      "Jennifer", "Nicola", "Katie",     "Lisa",   "Kelly",    "Natalie",
    "Louise", "Michelle", "Hayley",   "Stacey", "Charlotte", "Kirsty", "Lauren",   "Zoe",
    "Amanda", "Danielle", "Jessica",  "Leanne", "Kerry",     "Donna",  "Jodie",    "Kayleigh"};
constexpr std::string_view kBoys1990[] = {
    "Thomas",  "James",  "Jack",    "Daniel",    "Matthew",     "Ryan",     "Joshua", "Luke",   "Samuel",
    "Jordan",  "Adam",   "Michael", "Alexander", "Christopher", "Benjamin", "Joseph", "Liam",   "Jake",
    "William", "Andrew", "George",  "Lewis",     "Oliver",      "Robert",   "Callum", "Connor", "Kieran",
    "Bradley", "Nathan", "Aaron",   "Ashley",    "Dean",        "Jamie",    "Kyle"};
constexpr std::string_view kGirls1990[] = {
    "Rebecca", "Lauren",   "Jessica", "Charlotte", "Hannah",   "Sophie",    "Amy",      "Emily",
    "Laura",   "Emma",     "Chloe",   "Sarah",     "Lucy",     "Katie",     "Bethany",  "Danielle",
    "Georgia", "Abigail",  "Jade",    "Megan",     "Shannon",  "Stephanie", "Holly",    "Natasha",
    "Kirsty",  "Samantha", "Leah",    "Jodie",     "Kayleigh", "Chelsea",   "Courtney", "Paige"};
constexpr std::string_view kBoys2000[] = {
    "Jack",    "Thomas",   "Joshua", "Oliver", "Harry",  "James", "William", "Samuel", "Daniel",
    "Charlie", "Benjamin", "Joseph", "Callum", "George", "Jake",  "Alfie",   "Luke",   "Matthew",
    "Ethan",   "Lewis",    "Jacob",  "Harvey", "Ryan",   "Dylan", "Kieran",  "Liam",   "Connor",
    "Bradley", "Reece",    "Tyler",  "Kai",    "Jayden", "Owen",  "Max",     "Archie", "Louis"};
constexpr std::string_view kGirls2000[] = {
    "Emily",    "Chloe",   "Megan",  "Jessica", "Sophie",   "Olivia", "Lauren",  "Charlotte", "Hannah",
    "Ellie",    "Grace",   "Amy",    "Lucy",    "Bethany",  "Holly",  "Katie",   "Ella",      "Mia",
    "Abigail",  "Molly",   "Emma",   "Georgia", "Jade",     "Paige",  "Shannon", "Leah",      "Niamh",
    "Courtney", "Caitlin", "Amelia", "Millie",  "Isabelle", "Eve",    "Summer",  "Keira",     "Lilly"};
constexpr std::string_view kBoys2010[] = {
    "Oliver",  "Jack",    "Harry",    "Jacob",     "Charlie", "Thomas", "George", "Oscar",  "James",
    "William", "Noah",    "Alfie",    "Joshua",    "Edward",  "Henry",  "Leo",    "Archie", "Ethan",
    "Joseph",  "Freddie", "Samuel",   "Alexander", "Logan",   "Daniel", "Isaac",  "Max",    "Mason",
    "Lucas",   "Riley",   "Harrison", "Theo",      "Teddy",   "Finley", "Dylan",  "Arthur", "Tommy",
    "Reggie",  "Jaxon",   "Kai",      "Ronnie",    "Albie"};
constexpr std::string_view kGirls2010[] = {
    "Amelia",   "Olivia",   "Isla",   "Emily",  "Poppy",   "Ava",    "Isabella",  "Jessica",
    "Lily",     "Sophie",   "Grace",  "Sophia", "Mia",     "Evie",   "Ruby",      "Ella",
    "Scarlett", "Isabelle", "Chloe",  "Sienna", "Freya",   "Phoebe", "Charlotte", "Daisy",
    "Alice",    "Florence", "Eva",    "Sofia",  "Millie",  "Lucy",   "Layla",     "Harper",
    "Willow",   "Rosie",    "Maisie", "Lola",   "Matilda", "Evelyn", "Darcie",    "Esme"};
constexpr std::string_view kBoys2020[] = {
    "Noah",   "Oliver",   "George",  "Arthur", "Jesse",   "Leo",    "Harry", "Oscar", "Archie",
    "Henry",  "Theodore", "Freddie", "Jack",   "Charlie", "Theo",   "Alfie", "Jacob", "Thomas",
    "Finley", "Arlo",     "Teddy",   "Lucas",  "Tommy",   "Reggie", "Roman", "Albie", "Ronnie",
    "Jude",   "Louie",    "Hunter",  "Rory",   "Ezra",    "Elijah", "Max",   "Sonny", "Otis"};
constexpr std::string_view kGirls2020[] = {
    "Olivia",   "Amelia", "Isla",    "Lily",   "Ava",    "Freya",  "Ivy",    "Florence", "Willow",
    "Isabella", "Mia",    "Evie",    "Sophia", "Elsie",  "Grace",  "Rosie",  "Poppy",    "Daisy",
    "Sienna",   "Ella",   "Margot",  "Millie", "Bonnie", "Maya",   "Luna",   "Aria",     "Harper",
    "Phoebe",   "Emily",  "Matilda", "Esme",   "Ruby",   "Violet", "Hallie", "Mabel",    "Nancy"};

constexpr std::string_view kBritishMiddleBoys[] = {"James", "John", "William", "Thomas", "Michael", "David",
                                                   "Lee",   "Paul", "Peter",   "Robert", "George",  "Edward",
                                                   "Alan",  "Jack", "Anthony", "Daniel", "Ray",     "Frank"};
constexpr std::string_view kBritishMiddleGirls[] = {
    "Rose", "Mae",  "Grace", "Louise", "Marie",  "Jane", "Elizabeth", "Ann", "May",
    "Lily", "Jade", "Hope",  "Faith",  "Olivia", "Anne", "Leigh",     "Lou", "Victoria"};

constexpr std::string_view kBritishSurnames[] = {
    "Smith",    "Jones",    "Taylor",    "Brown",     "Williams", "Wilson",  "Johnson",   "Davies",
    "Robinson", "Wright",   "Thompson",  "Evans",     "Walker",   "White",   "Roberts",   "Green",
    "Hall",     "Wood",     "Jackson",   "Clarke",    "Clark",    "Harris",  "Lewis",     "Edwards",
    "Turner",   "Hughes",   "Hill",      "Moore",     "Cooper",   "Ward",    "King",      "Baker",
    "Harrison", "Morris",   "Lee",       "Allen",     "Martin",   "Young",   "Wilkinson", "Bell",
    "Scott",    "Parker",   "Cook",      "Watson",    "Mitchell", "Carter",  "Phillips",  "Davis",
    "Chapman",  "Marshall", "Shaw",      "Bailey",    "Webb",     "Ellis",   "Palmer",    "Mason",
    "Gray",     "Holmes",   "Knight",    "Lloyd",     "Barker",   "Howard",  "Pearce",    "Fisher",
    "Butler",   "Rose",     "Stevens",   "Simpson",   "Price",    "Dixon",   "Hunt",      "Richardson",
    "Russell",  "Matthews", "Fox",       "Cole",      "Spencer",  "Gibson",  "Pearson",   "Lawrence",
    "Wells",    "Adams",    "Armstrong", "Hudson",    "Page",     "Grant",   "Saunders",  "Payne",
    "Reynolds", "Newman",   "Bishop",    "Abbott",    "Hammond",  "Hewitt",  "Nicholls",  "Jarvis",
    "Sutton",   "Brooks",   "Chambers",  "Dunn",      "Francis",  "Mills",   "Moss",      "Lambert",
    "Osborne",  "Randall",  "Daniels",   "Greenwood", "Howes",    "Gotts",   "Rix",       "Thrower",
    "Hurrell",  "Pegg",     "Utting",    "Howell",    "Sayer",    "Andrews", "Goodwin",   "Farrow",
    "Bond",     "Burton",   "Ball",      "Watts",     "Atkinson", "Curtis",  "Lister",    "Knights",
    "Platten",  "Beales"};

// ---- Other heritages: common names, not varying by decade ----

struct NameSet {
  Names boys;
  Names girls;
  Names surnames;
};

constexpr std::string_view kIrishBoys[] = {"Sean",    "Ciaran",  "Conor", "Liam", "Declan",
                                           "Padraig", "Niall",   "Eoin",  "Cian", "Darragh",
                                           "Patrick", "Brendan", "Kevin", "Aidan"};
constexpr std::string_view kIrishGirls[] = {"Aoife",  "Siobhan", "Niamh",   "Ciara",   "Orla",
                                            "Roisin", "Sinead",  "Grainne", "Caoimhe", "Saoirse",
                                            "Mary",   "Bridget", "Aisling", "Clodagh"};
constexpr std::string_view kIrishSurnames[] = {
    "Murphy", "Kelly",    "O'Sullivan", "Walsh",   "O'Brien", "Byrne", "Ryan",    "O'Connor",   "O'Neill",
    "Doyle",  "McCarthy", "Gallagher",  "Kennedy", "Lynch",   "Quinn", "Brennan", "Fitzgerald", "Nolan"};

constexpr std::string_view kTravellerBoys[] = {"Patrick",     "John",   "Michael", "Martin", "Tom",
                                               "Christopher", "James",  "Paddy",   "Johnny", "Jim",
                                               "Francie",     "Joseph", "Mikey"};
constexpr std::string_view kTravellerGirls[] = {"Mary",  "Bridget", "Margaret", "Kathleen", "Ellen",
                                                "Nora",  "Winnie",  "Teresa",   "Chelsea",  "Bridie",
                                                "Annie", "Josie",   "Kelly"};
constexpr std::string_view kTravellerSurnames[] = {"Ward",    "McDonagh", "Connors",  "Joyce",   "Maughan",
                                                   "O'Brien", "Doherty",  "Quinn",    "Sweeney", "Delaney",
                                                   "Cash",    "Collins",  "McGinley", "Stokes",  "Mongan"};

constexpr std::string_view kRomanyBoys[] = {"Levi",  "Elijah", "Noah",  "Frankie", "Tommy", "Mikey", "Jimmy",
                                            "Lenny", "Albert", "Henry", "Billy",   "Joe",   "Alfie", "Jesse"};
constexpr std::string_view kRomanyGirls[] = {"Lily", "Rose",  "Ruby", "Violet",   "Esme",  "Dolly", "Maggie",
                                             "Mary", "Ellie", "Mia",  "Lavender", "Betsy", "Ivy",   "Phoebe"};
constexpr std::string_view kRomanySurnames[] = {"Smith",     "Lee",     "Price",  "Boswell", "Lovell",
                                                "Loveridge", "Buckley", "Cooper", "Young",   "Wood",
                                                "Taylor",    "Ayres",   "Brazil", "Penfold", "Hearn"};

constexpr std::string_view kRomaBoys[] = {"Denis", "Marek",  "Patrik", "Roman",  "Milan",
                                          "Tibor", "Ionut",  "Florin", "Marian", "Dominik",
                                          "Erik",  "Rudolf", "Adrian", "Lukas"};
constexpr std::string_view kRomaGirls[] = {"Nikola",   "Vanessa", "Dominika", "Monika",     "Denisa",
                                           "Simona",   "Andrea",  "Klaudia",  "Florentina", "Mariana",
                                           "Veronika", "Lenka",   "Sabina",   "Natalia"};
constexpr std::string_view kRomaSurnames[] = {"Horvath", "Balog", "Olah", "Kovac", "Lakatos",
                                              "Rostas",  "Dinu",  "Stan", "Gabor", "Kaleja",
                                              "Ferko",   "Mirga", "Radu"};

constexpr std::string_view kPolishBoys[] = {
    "Jakub",     "Kacper",   "Szymon",  "Filip",    "Mateusz", "Michał",    "Piotr", "Tomasz",
    "Krzysztof", "Paweł",    "Łukasz",  "Marcin",   "Adam",    "Bartosz",   "Dawid", "Kamil",
    "Marek",     "Grzegorz", "Andrzej", "Wojciech", "Antoni",  "Aleksander"};
constexpr std::string_view kPolishGirls[] = {
    "Zuzanna",  "Julia",     "Maja",      "Zofia",     "Hanna",  "Lena",   "Natalia", "Aleksandra",
    "Anna",     "Katarzyna", "Agnieszka", "Magdalena", "Monika", "Joanna", "Ewa",     "Małgorzata",
    "Karolina", "Marta",     "Justyna",   "Paulina",   "Oliwia", "Amelia"};
constexpr std::string_view kPolishSurnames[] = {
    "Nowak",       "Kowalski",  "Wiśniewski", "Wójcik",    "Kowalczyk",  "Kamiński",  "Lewandowski",
    "Zieliński",   "Szymański", "Woźniak",    "Dąbrowski", "Kozłowski",  "Jankowski", "Mazur",
    "Kwiatkowski", "Krawczyk",  "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski",
    "Król",        "Wieczorek", "Jabłoński",  "Wróbel",    "Nowicki"};

constexpr std::string_view kLithuanianBoys[] = {"Lukas",    "Matas",    "Jonas",     "Tomas", "Mantas",
                                                "Darius",   "Andrius",  "Paulius",   "Rokas", "Dominykas",
                                                "Gintaras", "Vytautas", "Mindaugas", "Nojus", "Kajus"};
constexpr std::string_view kLithuanianGirls[] = {"Emilija", "Gabija", "Austėja",  "Ugnė", "Rūta",
                                                 "Jurgita", "Laura",  "Kristina", "Inga", "Vilma",
                                                 "Agnė",    "Greta",  "Kamilė",   "Lėja", "Rasa"};
constexpr std::string_view kLithuanianSurnames[] = {
    "Kazlauskas", "Jankauskas", "Petrauskas",   "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus",
    "Paulauskas", "Urbonas",    "Kavaliauskas", "Navickas",     "Ramanauskas",  "Savickas",  "Rimkus"};

constexpr std::string_view kLatvianBoys[] = {"Jānis",  "Andris",  "Mārtiņš",  "Roberts",
                                             "Artūrs", "Edgars",  "Kristaps", "Gustavs",
                                             "Ralfs",  "Markuss", "Dmitrijs", "Aleksandrs"};
constexpr std::string_view kLatvianGirls[] = {"Anna", "Laura", "Elīza", "Sofija", "Kristīne", "Inese",
                                              "Ilze", "Līga",  "Dace",  "Santa",  "Jeļena",   "Marija"};
constexpr std::string_view kLatvianSurnames[] = {"Bērziņš", "Kalniņš", "Ozols",     "Jansons",
                                                 "Ozoliņš", "Liepiņš", "Krūmiņš",   "Balodis",
                                                 "Eglītis", "Zariņš",  "Pētersons", "Vītols"};

constexpr std::string_view kRomanianBoys[] = {"Andrei", "Alexandru", "Ionuț",    "Mihai",  "Gabriel",
                                              "Florin", "Adrian",    "Cristian", "Daniel", "Ștefan",
                                              "David",  "Luca",      "Matei",    "Vasile", "Constantin"};
constexpr std::string_view kRomanianGirls[] = {"Maria",    "Elena",   "Ioana",    "Andreea", "Alexandra",
                                               "Gabriela", "Mihaela", "Cristina", "Bianca",  "Sofia",
                                               "Daria",    "Ana",     "Denisa",   "Roxana",  "Larisa"};
constexpr std::string_view kRomanianSurnames[] = {
    "Popescu",  "Ionescu", "Popa",    "Pop",  "Radu",     "Dumitru",    "Stan",  "Stoica",
    "Gheorghe", "Matei",   "Ciobanu", "Rusu", "Munteanu", "Constantin", "Marin", "Lungu"};

constexpr std::string_view kBulgarianBoys[] = {"Georgi", "Ivan",   "Dimitar", "Nikolay",
                                               "Petar",  "Hristo", "Stoyan",  "Aleksandar",
                                               "Martin", "Viktor", "Kaloyan"};
constexpr std::string_view kBulgarianGirls[] = {"Maria", "Ivana", "Elena",    "Desislava", "Gergana", "Petya",
                                                "Yoana", "Nikol", "Viktoria", "Raya",      "Kristina"};
constexpr std::string_view kBulgarianSurnames[] = {"Ivanov",  "Georgiev", "Dimitrov", "Petrov",
                                                   "Nikolov", "Hristov",  "Stoyanov", "Todorov",
                                                   "Iliev",   "Kolev",    "Angelov",  "Atanasov"};

constexpr std::string_view kPortugueseBoys[] = {
    "João", "Tiago", "Rodrigo", "Francisco", "Martim", "Santiago", "Miguel", "Pedro",
    "Rui",  "Nuno",  "Paulo",   "Ricardo",   "Luís",   "Carlos",   "Duarte", "Gonçalo"};
constexpr std::string_view kPortugueseGirls[] = {
    "Maria", "Ana",      "Beatriz", "Mariana", "Leonor", "Matilde",  "Inês", "Carolina",
    "Sofia", "Catarina", "Joana",   "Rita",    "Sandra", "Patrícia", "Lara", "Margarida"};
constexpr std::string_view kPortugueseSurnames[] = {
    "Silva",   "Santos",  "Ferreira",  "Pereira",   "Oliveira", "Costa", "Rodrigues",
    "Martins", "Sousa",   "Fernandes", "Gonçalves", "Gomes",    "Lopes", "Marques",
    "Almeida", "Ribeiro", "Teixeira",  "Correia",   "Mendes",   "Pinto"};

constexpr std::string_view kIndianBoys[] = {"Arjun",  "Rohan", "Aarav",  "Vihaan",   "Rahul",  "Amit",
                                            "Sanjay", "Raj",   "Vikram", "Gurpreet", "Jaspal", "Hardeep",
                                            "Dev",    "Krish", "Nikhil", "Ravi"};
constexpr std::string_view kIndianGirls[] = {"Priya", "Ananya", "Diya",   "Aisha",  "Kavya",    "Neha",
                                             "Pooja", "Sunita", "Anjali", "Simran", "Manpreet", "Harleen",
                                             "Meera", "Riya",   "Shreya", "Sonia"};
constexpr std::string_view kIndianSurnames[] = {"Patel",   "Shah",    "Sharma",    "Singh", "Kumar", "Gill",
                                                "Sandhu",  "Mistry",  "Desai",     "Mehta", "Joshi", "Parmar",
                                                "Chauhan", "D'Souza", "Fernandes", "Nair",  "Pillai"};

constexpr std::string_view kPakistaniBoys[] = {"Muhammad", "Ali",   "Hassan", "Ibrahim", "Yusuf",
                                               "Zain",     "Bilal", "Imran",  "Tariq",   "Asif",
                                               "Usman",    "Hamza", "Adam",   "Ayaan",   "Zakariya"};
constexpr std::string_view kPakistaniGirls[] = {"Aisha", "Fatima", "Maryam", "Zainab", "Hira",
                                                "Sana",  "Ayesha", "Nadia",  "Samina", "Khadija",
                                                "Amna",  "Iqra",   "Hafsa",  "Inaya",  "Mehreen"};
constexpr std::string_view kPakistaniSurnames[] = {"Khan",   "Hussain", "Ahmed",  "Ali",  "Shah",
                                                   "Iqbal",  "Mahmood", "Akhtar", "Butt", "Malik",
                                                   "Rashid", "Aslam",   "Javed",  "Raza"};

constexpr std::string_view kBangladeshiBoys[] = {"Mohammed", "Abdul",  "Rahim", "Shahid", "Sayem",
                                                 "Rayhan",   "Tanvir", "Jamal", "Faisal", "Arif",
                                                 "Ishaq",    "Rafi",   "Kamal", "Nazrul"};
constexpr std::string_view kBangladeshiGirls[] = {"Nusrat", "Farhana", "Taslima", "Sumaiya", "Rubina",
                                                  "Shirin", "Tahmina", "Jannat",  "Anisa",   "Fahmida",
                                                  "Salma",  "Ruksana", "Sadia",   "Mim"};
constexpr std::string_view kBangladeshiSurnames[] = {"Miah",  "Uddin",  "Rahman",    "Islam", "Hossain",
                                                     "Ahmed", "Ali",    "Chowdhury", "Alam",  "Haque",
                                                     "Begum", "Khatun", "Sarkar",    "Karim"};

constexpr std::string_view kFilipinoBoys[] = {"Jose",  "Mark",  "John Paul", "Joshua", "Angelo", "Christian",
                                              "Carlo", "Paolo", "Jerome",    "Ramon",  "Miguel", "Gabriel"};
constexpr std::string_view kFilipinoGirls[] = {"Maria",    "Angelica", "Kristine", "Joy",
                                               "Princess", "Jasmine",  "Camille",  "Rowena",
                                               "Marites",  "Lorna",    "Maricel",  "Andrea"};
constexpr std::string_view kFilipinoSurnames[] = {"Santos",   "Reyes",     "Cruz",   "Bautista", "Garcia",
                                                  "Mendoza",  "Dela Cruz", "Ramos",  "Aquino",   "Villanueva",
                                                  "Castillo", "Fernandez", "De Leon"};

constexpr std::string_view kAfghanBoys[] = {"Ahmad", "Mohammad", "Abdullah",    "Mustafa", "Farid", "Hamid",
                                            "Javed", "Karim",    "Rahmatullah", "Sohail",  "Bilal", "Omid"};
constexpr std::string_view kAfghanGirls[] = {"Fatima",  "Maryam",  "Zahra",    "Parwana", "Mursal", "Nilofar",
                                             "Shabnam", "Farzana", "Zarghona", "Madina",  "Mahsa",  "Sahar"};
constexpr std::string_view kAfghanSurnames[] = {"Ahmadi",  "Rahimi",  "Hakimi",    "Karimi",
                                                "Sultani", "Noori",   "Popal",     "Safi",
                                                "Amiri",   "Hashimi", "Stanikzai", "Wardak"};

constexpr std::string_view kCaribbeanBoys[] = {"Jermaine", "Tyrone", "Marcus", "Andre",
                                               "Kemar",    "Leon",   "Delroy", "Tyrese",
                                               "Jaden",    "Kyle",   "Dwayne", "Nathaniel"};
constexpr std::string_view kCaribbeanGirls[] = {"Shanice", "Keisha", "Tanisha", "Jada",  "Aaliyah", "Monique",
                                                "Marcia",  "Simone", "Nia",     "Kiara", "Jasmine", "Naomi"};
constexpr std::string_view kCaribbeanSurnames[] = {"Campbell", "Brown",  "Williams", "Francis", "Thomas",
                                                   "Richards", "Gordon", "Reid",     "Bennett", "Henry",
                                                   "Grant",    "Clarke", "Morgan",   "Edwards", "Lewis"};

constexpr std::string_view kAfricanBoys[] = {
    "Chinedu", "Emeka",  "Oluwaseun", "Tobi",   "Kwame",   "Kofi",     "Daniel", "David",
    "Samuel",  "Joshua", "Emmanuel",  "Tendai", "Tinashe", "Blessing", "Israel", "Michael"};
constexpr std::string_view kAfricanGirls[] = {
    "Chiamaka", "Adaeze", "Ngozi",    "Funmilayo", "Abena",   "Ama",     "Grace", "Esther",
    "Precious", "Favour", "Blessing", "Ruvimbo",   "Tatenda", "Deborah", "Mercy", "Joy"};
constexpr std::string_view kAfricanSurnames[] = {
    "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Boateng", "Asante", "Moyo",  "Ndlovu",
    "Nwosu",  "Eze",     "Adebayo", "Owusu",  "Mutasa",  "Banda",  "Phiri", "Oyelaran"};

constexpr std::string_view kSomaliBoys[] = {"Mohamed", "Abdi", "Ahmed",   "Hassan", "Abdullahi",  "Yusuf",
                                            "Ali",     "Omar", "Mustafe", "Ismail", "Abdirahman", "Khalid"};
constexpr std::string_view kSomaliGirls[] = {"Amina", "Fadumo", "Hodan", "Ayaan", "Sahra", "Hawa",
                                             "Ifrah", "Nimo",   "Hibo",  "Sagal", "Ubah",  "Ikran"};
constexpr std::string_view kSomaliSurnames[] = {"Mohamed", "Abdi", "Hassan", "Ali",     "Farah",   "Warsame",
                                                "Osman",   "Aden", "Jama",   "Hussein", "Ibrahim", "Nur"};

constexpr std::string_view kChineseBoys[] = {"Wei",   "Jun",   "Hao",   "Jian", "Ming", "Daniel",
                                             "Jason", "Kevin", "Ethan", "Ryan", "Yi",   "Zhen"};
constexpr std::string_view kChineseGirls[] = {"Mei",   "Xin",   "Li",  "Ying",   "Jing", "Emily",
                                              "Chloe", "Grace", "Amy", "Hannah", "Yan",  "Lin"};
constexpr std::string_view kChineseSurnames[] = {"Wang", "Li", "Zhang", "Liu",  "Chen", "Yang",   "Huang",
                                                 "Zhao", "Wu", "Lin",   "Chan", "Wong", "Cheung", "Lam"};

constexpr std::string_view kKurdishBoys[] = {"Aram", "Rebin", "Karwan", "Dilan", "Hawre",  "Shvan",
                                             "Azad", "Baran", "Kawa",   "Saman", "Rawand", "Zana"};
constexpr std::string_view kKurdishGirls[] = {"Shilan", "Nazdar", "Avin", "Berfin",  "Hana",  "Rozhin",
                                              "Sara",   "Lana",   "Tara", "Zhilwan", "Dilan", "Nishtiman"};
constexpr std::string_view kKurdishSurnames[] = {"Ahmed", "Mohammed", "Karim",    "Rashid",
                                                 "Aziz",  "Hassan",   "Kareem",   "Omar",
                                                 "Salih", "Mahmoud",  "Abdullah", "Qadir"};

constexpr std::string_view kArabBoys[] = {"Omar",    "Ahmad",   "Mohammad", "Khaled", "Yousef", "Hamza",
                                          "Ibrahim", "Mahmoud", "Ali",      "Rami",   "Tareq",  "Adam"};
constexpr std::string_view kArabGirls[] = {"Rama", "Lina",   "Noor", "Hala", "Rania", "Layla",
                                           "Sara", "Yasmin", "Dana", "Reem", "Maya",  "Jana"};
constexpr std::string_view kArabSurnames[] = {"Al-Ahmad", "Al-Hassan", "Haddad",    "Khalil",
                                              "Saleh",    "Hamdan",    "Al-Ali",    "Darwish",
                                              "Youssef",  "Mansour",   "Al-Khatib", "Nasser"};

NameSet names_of(Heritage h) {
  switch (h) {
    case Heritage::kBritish:
      return {kBoys2010, kGirls2010, kBritishSurnames};  // decade handled separately
    case Heritage::kIrish:
      return {kIrishBoys, kIrishGirls, kIrishSurnames};
    case Heritage::kIrishTraveller:
      return {kTravellerBoys, kTravellerGirls, kTravellerSurnames};
    case Heritage::kRomany:
      return {kRomanyBoys, kRomanyGirls, kRomanySurnames};
    case Heritage::kRoma:
      return {kRomaBoys, kRomaGirls, kRomaSurnames};
    case Heritage::kPolish:
      return {kPolishBoys, kPolishGirls, kPolishSurnames};
    case Heritage::kLithuanian:
      return {kLithuanianBoys, kLithuanianGirls, kLithuanianSurnames};
    case Heritage::kLatvian:
      return {kLatvianBoys, kLatvianGirls, kLatvianSurnames};
    case Heritage::kRomanian:
      return {kRomanianBoys, kRomanianGirls, kRomanianSurnames};
    case Heritage::kBulgarian:
      return {kBulgarianBoys, kBulgarianGirls, kBulgarianSurnames};
    case Heritage::kPortuguese:
      return {kPortugueseBoys, kPortugueseGirls, kPortugueseSurnames};
    case Heritage::kIndian:
      return {kIndianBoys, kIndianGirls, kIndianSurnames};
    case Heritage::kPakistani:
      return {kPakistaniBoys, kPakistaniGirls, kPakistaniSurnames};
    case Heritage::kBangladeshi:
      return {kBangladeshiBoys, kBangladeshiGirls, kBangladeshiSurnames};
    case Heritage::kFilipino:
      return {kFilipinoBoys, kFilipinoGirls, kFilipinoSurnames};
    case Heritage::kAfghan:
      return {kAfghanBoys, kAfghanGirls, kAfghanSurnames};
    case Heritage::kCaribbean:
      return {kCaribbeanBoys, kCaribbeanGirls, kCaribbeanSurnames};
    case Heritage::kAfrican:
      return {kAfricanBoys, kAfricanGirls, kAfricanSurnames};
    case Heritage::kSomali:
      return {kSomaliBoys, kSomaliGirls, kSomaliSurnames};
    case Heritage::kChinese:
      return {kChineseBoys, kChineseGirls, kChineseSurnames};
    case Heritage::kKurdish:
      return {kKurdishBoys, kKurdishGirls, kKurdishSurnames};
    case Heritage::kArab:
      return {kArabBoys, kArabGirls, kArabSurnames};
  }
  return {kBoys2010, kGirls2010, kBritishSurnames};
}

Names british_forenames(char sex, int birth_year) {
  const bool boy = sex == 'M';
  if (birth_year < 1960) return boy ? Names(kBoys1950) : Names(kGirls1950);
  if (birth_year < 1970) return boy ? Names(kBoys1960) : Names(kGirls1960);
  if (birth_year < 1980) return boy ? Names(kBoys1970) : Names(kGirls1970);
  if (birth_year < 1990) return boy ? Names(kBoys1980) : Names(kGirls1980);
  if (birth_year < 2000) return boy ? Names(kBoys1990) : Names(kGirls1990);
  if (birth_year < 2010) return boy ? Names(kBoys2000) : Names(kGirls2000);
  if (birth_year < 2020) return boy ? Names(kBoys2010) : Names(kGirls2010);
  return boy ? Names(kBoys2020) : Names(kGirls2020);
}

// Weights of each heritage among households known to children's services in a county like
// Norfolk: mostly White British, with the county's large Polish, Lithuanian, Latvian, Romanian and
// Portuguese communities (Great Yarmouth, Thetford, King's Lynn), Gypsy, Roma and Traveller
// families, and smaller Asian, Black and other communities, somewhat more than in the population.
struct HeritageWeight {
  Heritage heritage;
  double weight;
};
constexpr HeritageWeight kHouseholdHeritage[] = {
    {Heritage::kBritish, 74.0},   {Heritage::kIrish, 0.6},       {Heritage::kIrishTraveller, 0.8},
    {Heritage::kRomany, 1.0},     {Heritage::kRoma, 0.7},        {Heritage::kPolish, 2.4},
    {Heritage::kLithuanian, 1.8}, {Heritage::kLatvian, 0.8},     {Heritage::kRomanian, 1.2},
    {Heritage::kBulgarian, 0.4},  {Heritage::kPortuguese, 1.7},  {Heritage::kIndian, 0.7},
    {Heritage::kPakistani, 0.5},  {Heritage::kBangladeshi, 0.6}, {Heritage::kFilipino, 0.4},
    {Heritage::kAfghan, 0.5},     {Heritage::kCaribbean, 0.5},   {Heritage::kAfrican, 1.8},
    {Heritage::kSomali, 0.3},     {Heritage::kChinese, 0.4},     {Heritage::kKurdish, 0.6},
    {Heritage::kArab, 0.7},
};

// Partners of a British parent who are not British themselves: the source of most mixed-heritage
// children in a county like this.
constexpr HeritageWeight kBritishPartnerOther[] = {
    {Heritage::kCaribbean, 3.0},  {Heritage::kAfrican, 3.0},   {Heritage::kPolish, 1.2},
    {Heritage::kPortuguese, 0.8}, {Heritage::kPakistani, 0.8}, {Heritage::kIndian, 0.5},
    {Heritage::kIrish, 0.8},      {Heritage::kArab, 0.5},      {Heritage::kLithuanian, 0.6},
    {Heritage::kChinese, 0.3},    {Heritage::kKurdish, 0.4},   {Heritage::kRomanian, 0.5},
};

Heritage pick_heritage(Rng& rng, std::span<const HeritageWeight> table) {
  std::array<double, 32> weights{};
  for (size_t i = 0; i < table.size(); ++i) weights[i] = table[i].weight;
  return table[rng.weighted(std::span<const double>(weights.data(), table.size()))].heritage;
}

char broad_group(std::string_view code) {
  if (code == "CHNE") return 'C';
  if (code == "OOTH") return 'O';
  return code.empty() ? 'O' : code[0];  // W, M, A, B
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string replace_tail(std::string_view s, size_t drop, std::string_view add) {
  return std::string(s.substr(0, s.size() - drop)) + std::string(add);
}

struct CodeWeight {
  std::string_view code;
  double weight;
};

std::string pick_code(Rng& rng, std::span<const CodeWeight> table) {
  std::array<double, 16> weights{};
  for (size_t i = 0; i < table.size(); ++i) weights[i] = table[i].weight;
  return std::string(table[rng.weighted(std::span<const double>(weights.data(), table.size()))].code);
}

}  // namespace

Heritage household_heritage(Rng& rng) { return pick_heritage(rng, kHouseholdHeritage); }

Heritage partner_heritage(Rng& rng, Heritage heritage) {
  if (heritage == Heritage::kBritish) {
    if (rng.chance(0.88)) return Heritage::kBritish;
    return pick_heritage(rng, kBritishPartnerOther);
  }
  if (rng.chance(0.78)) return heritage;
  return rng.chance(0.8) ? Heritage::kBritish : pick_heritage(rng, kHouseholdHeritage);
}

std::string_view ethnicity_code(Heritage h) {
  switch (h) {
    case Heritage::kBritish:
      return "WBRI";
    case Heritage::kIrish:
      return "WIRI";
    case Heritage::kIrishTraveller:
      return "WIRT";
    case Heritage::kRomany:
    case Heritage::kRoma:
      return "WROM";
    case Heritage::kPolish:
    case Heritage::kLithuanian:
    case Heritage::kLatvian:
    case Heritage::kRomanian:
    case Heritage::kBulgarian:
    case Heritage::kPortuguese:
      return "WOTH";
    case Heritage::kIndian:
      return "AIND";
    case Heritage::kPakistani:
      return "APKN";
    case Heritage::kBangladeshi:
      return "ABAN";
    case Heritage::kFilipino:
    case Heritage::kAfghan:
      return "AOTH";
    case Heritage::kCaribbean:
      return "BCRB";
    case Heritage::kAfrican:
    case Heritage::kSomali:
      return "BAFR";
    case Heritage::kChinese:
      return "CHNE";
    case Heritage::kKurdish:
    case Heritage::kArab:
      return "OOTH";
  }
  return "NOBT";
}

std::string child_ethnicity(Rng& rng, Heritage mother, Heritage father) {
  const std::string_view m = ethnicity_code(mother);
  const std::string_view f = ethnicity_code(father);
  if (m == f) return std::string(m);
  const char gm = broad_group(m);
  const char gf = broad_group(f);
  if (gm == 'W' && gf == 'W') {
    // Gypsy, Roma and Traveller heritage is the one a family names first.
    for (std::string_view code : {"WROM", "WIRT"}) {
      if (m == code || f == code) return std::string(code);
    }
    return std::string(rng.chance(0.5) ? m : f);
  }
  if (gm == 'W' || gf == 'W') {
    const std::string_view other = gm == 'W' ? f : m;
    if (other == "BCRB") return "MWBC";
    if (other == "BAFR") return "MWBA";
    if (broad_group(other) == 'A') return "MWAS";
    return "MOTH";
  }
  if (gm == gf) {
    if (gm == 'A') return "AOTH";
    if (gm == 'B') return "BOTH";
  }
  return "MOTH";
}

std::string forename(Rng& rng, Heritage heritage, char sex, int birth_year) {
  if (heritage == Heritage::kBritish || (heritage == Heritage::kCaribbean && rng.chance(0.6)) ||
      (heritage == Heritage::kIrish && rng.chance(0.4))) {
    return std::string(rng.pick(british_forenames(sex, birth_year)));
  }
  const NameSet set = names_of(heritage);
  return std::string(rng.pick(sex == 'M' ? set.boys : set.girls));
}

std::string middle_names(Rng& rng, Heritage heritage, char sex, int birth_year, std::string_view first) {
  // British children born since the 1980s nearly all have a middle name; older people and other
  // naming traditions less often.
  double p = 0.35;
  if (heritage == Heritage::kBritish) p = birth_year >= 1985 ? 0.7 : 0.5;
  if (heritage == Heritage::kPolish || heritage == Heritage::kLithuanian || heritage == Heritage::kChinese ||
      heritage == Heritage::kSomali) {
    p = 0.1;
  }
  if (!rng.chance(p)) return "";
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string name;
    if (heritage == Heritage::kBritish || heritage == Heritage::kCaribbean || heritage == Heritage::kRomany) {
      name = std::string(rng.pick(sex == 'M' ? Names(kBritishMiddleBoys) : Names(kBritishMiddleGirls)));
    } else {
      name = forename(rng, heritage, sex, birth_year);
    }
    // Not the forename again, nor a spelling of it (Lilly Lily).
    if (name.substr(0, 3) != first.substr(0, 3)) return name;
  }
  return "";
}

std::string family_surname(Rng& rng, Heritage heritage) {
  if (heritage == Heritage::kBritish) return std::string(rng.pick(Names(kBritishSurnames)));
  return std::string(rng.pick(names_of(heritage).surnames));
}

std::string surname_for(Heritage heritage, std::string_view surname, char sex, bool married) {
  if (sex != 'F') return std::string(surname);
  switch (heritage) {
    case Heritage::kPolish:
      if (ends_with(surname, "ski") || ends_with(surname, "cki") || ends_with(surname, "dzki")) {
        return replace_tail(surname, 1, "a");
      }
      return std::string(surname);
    case Heritage::kLithuanian:
      if (ends_with(surname, "ius")) return replace_tail(surname, 3, married ? "ienė" : "iūtė");
      if (ends_with(surname, "as")) return replace_tail(surname, 2, married ? "ienė" : "aitė");
      if (ends_with(surname, "is")) return replace_tail(surname, 2, married ? "ienė" : "ytė");
      if (ends_with(surname, "us")) return replace_tail(surname, 2, married ? "ienė" : "ūtė");
      return std::string(surname);
    case Heritage::kLatvian:
      if (ends_with(surname, "ons")) return replace_tail(surname, 1, "e");
      if (ends_with(surname, "is")) return replace_tail(surname, 2, "e");
      if (ends_with(surname, "š")) return replace_tail(surname, std::string_view("š").size(), "a");
      if (ends_with(surname, "s")) return replace_tail(surname, 1, "a");
      return std::string(surname);
    case Heritage::kBulgarian:
      if (ends_with(surname, "ov") || ends_with(surname, "ev")) return std::string(surname) + "a";
      return std::string(surname);
    default:
      return std::string(surname);
  }
}

std::string first_language(Rng& rng, Heritage heritage, bool born_in_england) {
  // A first language is the one the child was exposed to in early development; a worker records it
  // for most children and fewer adults.
  if (rng.chance(born_in_england ? 0.06 : 0.25)) return "";
  auto own_or_english = [&](std::string_view own, double own_share) {
    const double share = born_in_england ? own_share * 0.8 : std::min(1.0, own_share + 0.15);
    return std::string(rng.chance(share) ? own : "ENG");
  };
  switch (heritage) {
    case Heritage::kBritish:
    case Heritage::kIrish:
    case Heritage::kIrishTraveller:
    case Heritage::kRomany:
    case Heritage::kCaribbean: {
      static constexpr CodeWeight kEnglish[] = {{"ENG", 96.4}, {"ENB", 3.0}, {"BSL", 0.1}, {"NOT", 0.5}};
      return pick_code(rng, kEnglish);
    }
    case Heritage::kRoma: {
      static constexpr CodeWeight kRoma[] = {{"OTH", 50.0}, {"RMN", 30.0}, {"ENG", 20.0}};
      return pick_code(rng, kRoma);
    }
    case Heritage::kPolish:
      return own_or_english("POL", 0.8);
    case Heritage::kLithuanian:
      return own_or_english("LIT", 0.8);
    case Heritage::kLatvian: {
      static constexpr CodeWeight kLatvian[] = {{"OTH", 75.0}, {"ENG", 25.0}};
      return pick_code(rng, kLatvian);
    }
    case Heritage::kRomanian:
      return own_or_english("RMN", 0.8);
    case Heritage::kBulgarian:
      return own_or_english("BUL", 0.8);
    case Heritage::kPortuguese:
      return own_or_english("POR", 0.8);
    case Heritage::kIndian: {
      static constexpr CodeWeight kIndian[] = {
          {"ENG", 45.0}, {"GUJ", 25.0}, {"PNJ", 20.0}, {"TAM", 5.0}, {"OTH", 5.0}};
      return pick_code(rng, kIndian);
    }
    case Heritage::kPakistani: {
      static constexpr CodeWeight kPakistani[] = {{"URD", 40.0}, {"PNJ", 25.0}, {"ENG", 35.0}};
      return pick_code(rng, kPakistani);
    }
    case Heritage::kBangladeshi:
      return own_or_english("BNG", 0.75);
    case Heritage::kFilipino: {
      static constexpr CodeWeight kFilipino[] = {{"OTH", 55.0}, {"ENG", 45.0}};
      return pick_code(rng, kFilipino);
    }
    case Heritage::kAfghan: {
      static constexpr CodeWeight kAfghan[] = {{"PAT", 50.0}, {"PRS", 40.0}, {"ENG", 10.0}};
      return pick_code(rng, kAfghan);
    }
    case Heritage::kAfrican: {
      static constexpr CodeWeight kAfrican[] = {
          {"ENG", 65.0}, {"OTH", 20.0}, {"FRN", 6.0}, {"TGR", 5.0}, {"ARA", 4.0}};
      return pick_code(rng, kAfrican);
    }
    case Heritage::kSomali:
      return own_or_english("SOM", 0.8);
    case Heritage::kChinese:
      return own_or_english("CHI", 0.7);
    case Heritage::kKurdish:
      return own_or_english("KUR", 0.85);
    case Heritage::kArab:
      return own_or_english("ARA", 0.85);
  }
  return "ENG";
}

std::string religion(Rng& rng, Heritage heritage) {
  // Religion is the field most often left unrecorded.
  if (rng.chance(0.62)) return "";
  if (rng.chance(0.03)) return rng.chance(0.7) ? "NK" : "REF";
  switch (heritage) {
    case Heritage::kBritish:
    case Heritage::kRomany:
    case Heritage::kCaribbean: {
      static constexpr CodeWeight kTable[] = {{"NONE", 55.0}, {"CHR", 43.0}, {"OTH", 2.0}};
      return pick_code(rng, kTable);
    }
    case Heritage::kIrish:
    case Heritage::kIrishTraveller:
    case Heritage::kPolish:
    case Heritage::kLithuanian:
    case Heritage::kLatvian:
    case Heritage::kRomanian:
    case Heritage::kBulgarian:
    case Heritage::kPortuguese:
    case Heritage::kRoma:
    case Heritage::kFilipino: {
      static constexpr CodeWeight kTable[] = {{"CHR", 85.0}, {"NONE", 15.0}};
      return pick_code(rng, kTable);
    }
    case Heritage::kIndian: {
      static constexpr CodeWeight kTable[] = {{"HIN", 50.0}, {"SIK", 30.0}, {"MUS", 12.0}, {"CHR", 8.0}};
      return pick_code(rng, kTable);
    }
    case Heritage::kPakistani:
    case Heritage::kBangladeshi:
    case Heritage::kAfghan:
    case Heritage::kSomali:
    case Heritage::kKurdish:
    case Heritage::kArab: {
      static constexpr CodeWeight kTable[] = {{"MUS", 95.0}, {"NONE", 3.0}, {"CHR", 2.0}};
      return pick_code(rng, kTable);
    }
    case Heritage::kAfrican: {
      static constexpr CodeWeight kTable[] = {{"CHR", 72.0}, {"MUS", 22.0}, {"NONE", 6.0}};
      return pick_code(rng, kTable);
    }
    case Heritage::kChinese: {
      static constexpr CodeWeight kTable[] = {{"NONE", 60.0}, {"BUD", 20.0}, {"CHR", 20.0}};
      return pick_code(rng, kTable);
    }
  }
  return "";
}

}  // namespace safeguard::synth
