/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-feedgen.c: writes a realistic synthetic job-xml feed (and a query set) for the feed benchmarks */

#include "jk-bench-feedgen.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

/* ---------------------------------------------------------------------- */
/* Word lists                                                             */

/* The most frequent words of job postings, most frequent first: they take
 * the top ranks of the Zipf-like distribution. */
static const char *const common_words[] = {
  "the", "and", "to", "of", "a", "in", "for", "with", "you", "our", "will", "be", "is", "are", "on", "as",
  "or", "this", "team", "work", "we", "your", "all", "at", "by", "an", "that", "customer", "experience",
  "job", "from", "must", "have", "able", "skills", "position", "other", "duties", "ability", "including",
  "working", "service", "required", "may", "company", "time", "employees", "day", "benefits", "new", "care",
  "training", "support", "management", "related", "opportunity", "environment", "us", "safety", "provide",
  "equipment", "perform", "knowledge", "year", "years", "high", "school", "diploma", "equivalent",
  "preferred", "responsible", "ensure", "maintain", "apply", "pay", "hours", "shift", "schedule", "weekend",
  "weekends", "full", "part", "health", "dental", "vision", "insurance", "paid", "off", "holidays",
  "retirement", "plan", "match", "growth", "career", "quality", "standards", "procedures", "policies",
  "clean", "orderly", "area", "store", "customers", "guests", "patients", "residents", "clients", "members",
  "products", "orders", "inventory", "materials", "tools", "vehicle", "license", "driver", "valid", "record",
  "background", "check", "drug", "screen", "lift", "pounds", "stand", "walk", "periods", "prolonged",
  "communication", "written", "verbal", "excellent", "strong", "detail", "attention", "organized",
  "reliable", "dependable", "friendly", "professional", "positive", "attitude", "motivated",
  "independently", "fast", "paced", "multitask", "computer", "basic", "math", "reading", "english",
  "spanish", "bilingual", "plus", "hire", "hiring", "immediately", "start", "local", "community", "family",
  "owned", "since", "founded", "proud", "serve", "ohio", "central", "region", "location", "locations",
  "site", "facility", "warehouse", "kitchen", "office", "hospital", "clinic", "plant", "field", "route",
  "delivery", "deliveries", "accurate", "efficient", "timely", "manner", "daily", "weekly", "monthly",
  "reports", "records", "data", "entry", "phone", "calls", "email", "answer", "questions", "resolve",
  "issues", "problems", "assist", "help", "prepare", "process", "operate", "machine", "machinery",
  "forklift", "pallet", "jack", "scanner", "register", "cash", "handling", "sales", "goals", "targets",
  "meet", "exceed", "learn", "grow", "advance", "promote", "promotion", "supervisor", "manager", "lead",
  "coordinate", "staff", "train", "hires", "certification", "certified", "certificate", "state", "federal",
  "regulations", "compliance", "osha", "hipaa", "cpr", "first", "aid", "nursing", "medical", "medication",
  "documentation", "charting", "vital", "signs", "personal", "hygiene", "meals", "transportation",
  "errands", "companionship", "cleaning", "sanitation", "food", "prep", "cook", "grill", "fryer", "dishes",
  "beverages", "menu", "recipes", "portion", "restaurant", "retail", "merchandise", "displays", "stocking",
  "shelves", "receiving", "shipping", "loading", "unloading", "trucks", "trailers", "packages", "picking",
  "packing", "labeling", "assembly", "production", "line", "manufacturing", "parts", "components",
  "inspect", "measure", "blueprints", "welding", "repair", "maintenance", "troubleshoot", "electrical",
  "mechanical", "plumbing", "hvac", "install", "construction", "building", "sites", "crew", "heavy",
  "landscaping", "mowing", "snow", "removal", "security", "patrol", "monitor", "cameras", "report",
  "incidents", "children", "students", "classroom", "teacher", "learning", "activities", "lesson", "plans",
  "parents", "behavior", "accounting", "invoices", "payroll", "billing", "collections", "bookkeeping",
  "spreadsheet", "excel", "word", "software", "systems", "network", "technical", "users", "tickets",
  "hardware", "desk", "competitive", "wage", "wages", "bonus", "sign", "tips", "commission", "overtime",
  "available", "flexible", "evening", "night", "morning", "rotating", "holiday", "seasonal", "temporary",
  "permanent", "opportunities", "equal", "employer", "disability", "veterans", "diversity", "inclusion",
  "applicants", "qualified", "consideration", "without", "regard", "race", "color", "religion", "sex",
  "national", "origin", "age", "status", "protected", "law",
};

/* Syllables for invented words (the long tail of rare words). */
static const char *const onsets[] = {
  "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr",
  "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "qu", "sk",
};
static const char *const vowels[] = { "a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y" };
static const char *const codas[] = { "", "", "n", "r", "l", "st", "nd", "ck", "m", "x", "th", "s" };

#define VOCABULARY_SIZE 4000
#define ZIPF_EXPONENT 1.0
#define ZIPF_TABLE_BITS 20

typedef struct {
  const char *const *titles;
  guint n_titles;
  const char *const *categories;
  guint n_categories;
  guint weight; /* relative share of postings */
} Sector;

static const char *const food_titles[] = {
  "Line Cook", "Prep Cook", "Dishwasher", "Server", "Bartender", "Host", "Busser", "Barista",
  "Shift Leader", "Kitchen Manager", "Sous Chef", "Executive Chef", "Pizza Maker", "Delivery Driver",
  "Crew Member", "Cashier", "Food Service Worker", "Baker", "Cake Decorator", "Butcher", "Meat Cutter",
  "Deli Clerk", "Catering Assistant", "Restaurant General Manager", "Assistant Restaurant Manager",
  "Drive-Thru Attendant", "Fast Food Crew Member", "Cafeteria Worker", "School Cook", "Dietary Aide",
};
static const char *const food_categories[] = {
  "35-2014.00 Cooks, Restaurant", "Food Preparation and Serving Related", "35-3023.00 Fast Food and Counter Workers",
};
static const char *const retail_titles[] = {
  "Sales Associate", "Retail Sales Associate", "Stocker", "Overnight Stocker", "Cashier/Customer Service",
  "Store Manager", "Assistant Store Manager", "Department Manager", "Visual Merchandiser",
  "Pharmacy Technician", "Optical Assistant", "Loss Prevention Associate", "Customer Service Representative",
  "Bakery Clerk", "Produce Clerk", "Grocery Clerk", "Cart Attendant", "Key Holder", "Inventory Specialist",
  "Merchandiser", "Sales Representative", "Cell Phone Sales Consultant", "Furniture Sales Associate",
  "Auto Parts Counter Sales", "Beauty Advisor", "Florist",
};
static const char *const retail_categories[] = {
  "41-2031.00 Retail Salespersons", "41-2011.00 Cashiers", "Sales and Related",
};
static const char *const warehouse_titles[] = {
  "Warehouse Associate", "Material Handler", "Forklift Operator", "Order Picker", "Picker/Packer",
  "Shipping & Receiving Clerk", "Inventory Control Clerk", "Reach Truck Operator", "Loader/Unloader",
  "Package Handler", "Warehouse Supervisor", "Distribution Center Associate", "Freight Handler",
  "Dock Worker", "Yard Jockey", "Logistics Coordinator", "Dispatcher", "Fulfillment Associate",
  "Returns Processor", "Sorter",
};
static const char *const warehouse_categories[] = {
  "Material Moving (53-7062)", "Transportation and Material Moving", "53-7065.00 Stockers and Order Fillers",
};
static const char *const production_titles[] = {
  "Production Worker", "Machine Operator", "CNC Machinist", "CNC Operator", "Assembler",
  "Assembly Technician", "Quality Inspector", "Quality Control Technician", "Welder", "MIG Welder",
  "TIG Welder", "Fabricator", "Press Operator", "Injection Molding Operator", "Packaging Operator",
  "Maintenance Technician", "Industrial Maintenance Mechanic", "Tool and Die Maker", "Production Supervisor",
  "Plant Manager", "Process Technician", "Manufacturing Engineer", "Mechanical Engineer",
  "Electrical Engineer", "Paint Line Operator", "Saw Operator", "Brake Press Operator", "Extrusion Operator",
  "Sanitation Worker", "General Laborer",
};
static const char *const production_categories[] = {
  "51-2090 Miscellaneous Assemblers and Fabricators", "51-4121.00 Welders, Cutters, Solderers, and Brazers",
  "Production", "49-9041.00 Industrial Machinery Mechanics",
};
static const char *const health_titles[] = {
  "Registered Nurse", "Licensed Practical Nurse", "State Tested Nursing Assistant",
  "Certified Nursing Assistant", "Home Health Aide", "Personal Care Aide", "Direct Support Professional",
  "Medical Assistant", "Phlebotomist", "Patient Care Technician", "Medical Receptionist",
  "Medical Billing Specialist", "Medical Coder", "Pharmacist", "Physical Therapist",
  "Physical Therapist Assistant", "Occupational Therapist", "Speech Language Pathologist",
  "Respiratory Therapist", "Radiologic Technologist", "Surgical Technologist",
  "Sterile Processing Technician", "Dental Assistant", "Dental Hygienist", "Dental Receptionist",
  "Veterinary Technician", "Veterinary Assistant", "Kennel Attendant", "Caregiver", "Hospice Aide",
  "Behavioral Health Technician", "Mental Health Counselor", "Case Manager", "Social Worker",
  "Peer Support Specialist", "Nurse Practitioner", "Unit Secretary", "Patient Transporter",
  "Environmental Services Technician", "Emergency Medical Technician", "Paramedic", "Housekeeper",
};
static const char *const health_categories[] = {
  "31-1131.00 Nursing Assistants", "29-1141.00 Registered Nurses", "Healthcare Support",
  "31-9092.00 Medical Assistants", "Healthcare Practitioners and Technical",
};
static const char *const office_titles[] = {
  "Administrative Assistant", "Office Assistant", "Receptionist", "Data Entry Clerk", "Executive Assistant",
  "Office Manager", "Accounts Payable Clerk", "Accounts Receivable Specialist", "Bookkeeper",
  "Staff Accountant", "Payroll Specialist", "Human Resources Assistant", "Human Resources Generalist",
  "Recruiter", "Customer Service Agent", "Call Center Representative", "Claims Processor", "Insurance Agent",
  "Insurance Customer Service Representative", "Bank Teller", "Personal Banker", "Loan Officer",
  "Mortgage Processor", "Collections Specialist", "Legal Assistant", "Paralegal", "File Clerk", "Mail Clerk",
  "Project Coordinator", "Project Manager", "Operations Manager", "Business Analyst",
  "Marketing Coordinator", "Social Media Specialist", "Graphic Designer", "Purchasing Agent", "Buyer",
  "Scheduler", "Front Desk Coordinator", "Intake Coordinator",
};
static const char *const office_categories[] = {
  "43-6014.00 Secretaries and Administrative Assistants", "43-4051.00 Customer Service Representatives",
  "Office and Administrative Support", "Business and Financial Operations",
  "43-3031.00 Bookkeeping, Accounting, and Auditing Clerks",
};
static const char *const trades_titles[] = {
  "Electrician", "Apprentice Electrician", "Journeyman Electrician", "Plumber", "Plumber's Helper",
  "HVAC Technician", "HVAC Installer", "Carpenter", "Construction Laborer", "Roofer", "Painter",
  "Drywall Finisher", "Concrete Finisher", "Heavy Equipment Operator", "Mason", "Pipefitter",
  "Sheet Metal Worker", "Landscaper", "Lawn Care Technician", "Tree Trimmer", "Groundskeeper", "Handyman",
  "Maintenance Worker", "Building Maintenance Technician", "Apartment Maintenance Technician",
  "Auto Mechanic", "Automotive Technician", "Diesel Mechanic", "Tire Technician", "Lube Technician",
  "Collision Repair Technician", "Auto Detailer", "Service Advisor", "Appliance Repair Technician",
  "Locksmith", "Pest Control Technician", "Glazier", "Flooring Installer", "Cable Installer",
  "Solar Installer",
};
static const char *const trades_categories[] = {
  "47-2061.00 Construction Laborers", "47-2111.00 Electricians", "49-3023.00 Automotive Service Technicians",
  "Installation, Maintenance, and Repair", "Construction and Extraction",
  "49-9071.00 Maintenance and Repair Workers, General",
};
static const char *const transport_titles[] = {
  "CDL-A Truck Driver", "CDL-B Driver", "Local Delivery Driver", "Route Driver", "Box Truck Driver",
  "Bus Driver", "School Bus Driver", "Van Driver", "Courier", "Tow Truck Driver", "Delivery Helper",
  "Fleet Mechanic", "Transportation Coordinator", "Ride Share Driver", "Parking Attendant",
  "Valet Attendant",
};
static const char *const transport_categories[] = {
  "53-3032.00 Heavy and Tractor-Trailer Truck Drivers", "Transportation and Material Moving",
  "53-3033.00 Light Truck Drivers",
};
static const char *const education_titles[] = {
  "Preschool Teacher", "Teacher Assistant", "Substitute Teacher", "Paraprofessional", "Childcare Worker",
  "Daycare Teacher", "Tutor", "After School Program Staff", "School Custodian", "Lunch Aide",
  "Youth Counselor", "Camp Counselor", "Intervention Specialist", "Librarian", "Library Assistant",
};
static const char *const education_categories[] = {
  "25-9045.00 Teaching Assistants", "39-9011.00 Childcare Workers", "Education, Training, and Library",
};
static const char *const it_titles[] = {
  "Help Desk Technician", "IT Support Specialist", "Desktop Support Technician", "Network Administrator",
  "Systems Administrator", "Software Developer", "Web Developer", "Data Analyst", "Database Administrator",
  "Cybersecurity Analyst", "QA Tester", "Field Service Technician",
};
static const char *const it_categories[] = {
  "15-1232.00 Computer User Support Specialists", "Computer and Mathematical",
};
static const char *const service_titles[] = {
  "Hotel Front Desk Agent", "Night Auditor", "Room Attendant", "Laundry Attendant", "Janitor", "Custodian",
  "Commercial Cleaner", "Housekeeping Supervisor", "Banquet Server", "Event Staff", "Security Officer",
  "Unarmed Security Guard", "Armed Security Officer", "Crossing Guard", "Lifeguard", "Recreation Aide",
  "Fitness Instructor", "Hair Stylist", "Nail Technician", "Massage Therapist", "Pet Groomer", "Dog Walker",
};
static const char *const service_categories[] = {
  "37-2011.00 Janitors and Cleaners", "33-9032.00 Security Guards", "Personal Care and Service",
  "Building and Grounds Cleaning", "Protective Service",
};
static const char *const public_titles[] = {
  "Corrections Officer", "Police Officer", "Firefighter", "Public Works Laborer",
  "Highway Maintenance Worker", "Water Treatment Operator", "Wastewater Operator", "Meter Reader",
  "Census Taker", "Poll Worker", "Park Ranger", "Farm Worker", "Greenhouse Worker", "Nursery Worker",
  "Dairy Farm Hand", "Grain Elevator Operator", "Recycling Sorter", "Call Center Team Lead", "Interpreter",
  "Translator",
};
static const char *const public_categories[] = {
  "Protective Service", "Farming, Fishing, and Forestry", "Community and Social Service",
  "33-3012.00 Correctional Officers and Jailers",
};

#define SECTOR(name, weight) \
  { name##_titles, G_N_ELEMENTS (name##_titles), name##_categories, G_N_ELEMENTS (name##_categories), weight }

static const Sector sectors[] = {
  SECTOR (food, 14), SECTOR (retail, 13), SECTOR (warehouse, 12), SECTOR (production, 12),
  SECTOR (health, 16), SECTOR (office, 11), SECTOR (trades, 8), SECTOR (transport, 5),
  SECTOR (education, 4), SECTOR (it, 2), SECTOR (service, 2), SECTOR (public, 1),
};

static const char *const title_prefixes[] = {
  "Senior ", "Lead ", "Entry Level ", "Experienced ", "Part-Time ", "Overnight ", "Bilingual ",
};
static const char *const title_suffixes[] = {
  " I", " II", " III", " - 2nd Shift", " - 3rd Shift", " (Part-Time)", " - Weekends",
  " - $1,000 Sign-On Bonus", " - Bilingual Spanish", " - PRN", " \xe2\x80\x93 Now Hiring", " <Nights>",
  " (Full Time & Benefits)",
};

static const char *const surnames[] = {
  "Miller", "Smith", "Johnson", "Williams", "Brown", "Jones", "Davis", "Wilson", "Anderson", "Taylor",
  "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Hill", "Scott", "Green", "Adams", "Baker", "Nelson",
  "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
  "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
  "Bailey", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
  "Schneider", "Yoder", "Kowalski", "Nguyen", "Garcia", "Martinez", "Hernandez", "Lopez", "Patel", "Kim",
};
static const char *const places[] = {
  "Buckeye", "Scioto", "Olentangy", "Maumee", "Cuyahoga", "Miami Valley", "Hocking Hills", "Licking County",
  "Franklin", "Lake Erie", "Ohio Valley", "Tri-County", "Central Ohio", "Northwest", "Great Lakes",
  "Heartland", "Riverside", "Summit", "Portage", "Mahoning", "Muskingum", "Sandusky Bay", "Black Swamp",
  "Western Reserve", "Appalachian", "Capital City", "Short North", "German Village", "Clintonville",
  "Hilltop", "Eastside", "Southpoint", "Northland", "Mid-Ohio", "Firelands", "Crossroads", "Keystone",
  "Pioneer", "Liberty", "Heritage",
};
static const char *const industries[] = {
  "Logistics", "Health Care", "Home Care", "Dental", "Manufacturing", "Foods", "Restaurant Group",
  "Staffing", "Credit Union", "Auto Parts", "Construction", "Plumbing & Heating", "Electric", "Insurance",
  "Hospital", "Senior Living", "Cleaning Services", "Landscaping", "Hardware", "Grocers", "Pharmacy",
  "Bakery", "Transport", "Trucking", "Printing", "Machine Works", "Plastics", "Steel", "Tool & Die",
  "Veterinary Clinic", "Childcare Center", "Learning Academy", "City Schools", "Public Library", "Hotel",
  "Bank", "Properties", "Realty", "Security", "Packaging", "Distribution", "Farms", "Coffee Co.", "Pizza",
  "Tire & Auto", "Metal Fabrication", "Home Improvement", "Medical Group", "Rehabilitation",
  "Family Practice",
};
static const char *const company_suffixes[] = { "", "", "", " LLC", ", Inc.", " Co.", " Corp.", " Ltd." };

#define N_EMPLOYERS 2000

typedef struct {
  const char *name;
  guint zip;
  guint n_zips;
} City;

static const City cities[] = {
  { "Columbus", 43201, 12 }, { "Cleveland", 44102, 8 }, { "Cincinnati", 45202, 8 }, { "Toledo", 43604, 6 },
  { "Akron", 44301, 5 }, { "Dayton", 45402, 5 }, { "Parma", 44129, 2 }, { "Canton", 44702, 3 },
  { "Youngstown", 44502, 2 }, { "Lorain", 44052, 2 }, { "Hamilton", 45011, 2 }, { "Springfield", 45502, 2 },
  { "Kettering", 45429, 1 }, { "Elyria", 44035, 1 }, { "Lakewood", 44107, 1 }, { "Cuyahoga Falls", 44221, 1 },
  { "Middletown", 45044, 1 }, { "Euclid", 44123, 1 }, { "Newark", 43055, 1 }, { "Mansfield", 44902, 2 },
  { "Mentor", 44060, 1 }, { "Beavercreek", 45431, 1 }, { "Cleveland Heights", 44118, 1 },
  { "Strongsville", 44136, 1 }, { "Dublin", 43017, 2 }, { "Fairfield", 45014, 1 }, { "Findlay", 45840, 1 },
  { "Warren", 44483, 1 }, { "Lancaster", 43130, 1 }, { "Lima", 45801, 1 }, { "Huber Heights", 45424, 1 },
  { "Westerville", 43081, 2 }, { "Marion", 43302, 1 }, { "Grove City", 43123, 1 },
  { "Reynoldsburg", 43068, 1 }, { "Delaware", 43015, 1 }, { "Brunswick", 44212, 1 },
  { "Upper Arlington", 43221, 1 }, { "Stow", 44224, 1 }, { "North Olmsted", 44070, 1 },
  { "Gahanna", 43230, 1 }, { "Westlake", 44145, 1 }, { "North Royalton", 44133, 1 },
  { "Massillon", 44646, 1 }, { "North Ridgeville", 44039, 1 }, { "Mason", 45040, 1 },
  { "Fairborn", 45324, 1 }, { "Bowling Green", 43402, 1 }, { "Garfield Heights", 44125, 1 },
  { "Shaker Heights", 44120, 1 }, { "Oregon", 43616, 1 }, { "Hilliard", 43026, 1 }, { "Medina", 44256, 1 },
  { "Kent", 44240, 1 }, { "Sandusky", 44870, 1 }, { "Zanesville", 43701, 1 }, { "Athens", 45701, 1 },
  { "Chillicothe", 45601, 1 }, { "Portsmouth", 45662, 1 }, { "Marietta", 45750, 1 }, { "Wooster", 44691, 1 },
  { "Ashland", 44805, 1 }, { "Tiffin", 44883, 1 }, { "Fremont", 43420, 1 }, { "Norwalk", 44857, 1 },
  { "Piqua", 45356, 1 }, { "Troy", 45373, 1 }, { "Sidney", 45365, 1 }, { "Xenia", 45385, 1 },
  { "Urbana", 43078, 1 }, { "Bellefontaine", 43311, 1 }, { "Wapakoneta", 45895, 1 }, { "Celina", 45822, 1 },
  { "Defiance", 43512, 1 }, { "Napoleon", 43545, 1 }, { "Bryan", 43506, 1 }, { "Van Wert", 45891, 1 },
  { "Kenton", 43326, 1 }, { "Bucyrus", 44820, 1 }, { "Galion", 44833, 1 }, { "Mount Vernon", 43050, 1 },
  { "Coshocton", 43812, 1 }, { "New Philadelphia", 44663, 1 }, { "Dover", 44622, 1 },
  { "Cambridge", 43725, 1 }, { "Steubenville", 43952, 1 }, { "East Liverpool", 43920, 1 },
  { "Salem", 44460, 1 }, { "Alliance", 44601, 1 }, { "Ravenna", 44266, 1 }, { "Painesville", 44077, 1 },
  { "Ashtabula", 44004, 1 }, { "Conneaut", 44030, 1 }, { "Chardon", 44024, 1 }, { "Willoughby", 44094, 1 },
  { "Solon", 44139, 1 }, { "Twinsburg", 44087, 1 }, { "Hudson", 44236, 1 }, { "Barberton", 44203, 1 },
  { "Green", 44232, 1 }, { "Wadsworth", 44281, 1 }, { "Orrville", 44667, 1 }, { "Millersburg", 44654, 1 },
  { "Logan", 43138, 1 }, { "Circleville", 43113, 1 }, { "Washington Court House", 43160, 1 },
  { "Wilmington", 45177, 1 }, { "Hillsboro", 45133, 1 }, { "Georgetown", 45121, 1 }, { "Batavia", 45103, 1 },
  { "Lebanon", 45036, 1 }, { "Oxford", 45056, 1 }, { "Eaton", 45320, 1 }, { "Greenville", 45331, 1 },
  { "Jackson", 45640, 1 }, { "Gallipolis", 45631, 1 }, { "Pomeroy", 45769, 1 }, { "Ironton", 45638, 1 },
  { "Nelsonville", 45764, 1 }, { "New Lexington", 43764, 1 }, { "McConnelsville", 43756, 1 },
  { "Caldwell", 43724, 1 }, { "Woodsfield", 43793, 1 }, { "St. Clairsville", 43950, 1 }, { "Cadiz", 43907, 1 },
  { "Carrollton", 44615, 1 }, { "Lisbon", 44432, 1 }, { "Niles", 44446, 1 }, { "Boardman", 44512, 1 },
  { "Austintown", 44515, 1 }, { "Perrysburg", 43551, 1 }, { "Maumee", 43537, 1 }, { "Sylvania", 43560, 1 },
  { "Port Clinton", 43452, 1 }, { "Vermilion", 44089, 1 }, { "Avon Lake", 44012, 1 }, { "Avon", 44011, 1 },
  { "Pickerington", 43147, 1 }, { "Canal Winchester", 43110, 1 }, { "Worthington", 43085, 1 },
  { "Powell", 43065, 1 }, { "Marysville", 43040, 1 }, { "London", 43140, 1 }, { "Centerville", 45459, 1 },
  { "Miamisburg", 45342, 1 }, { "Vandalia", 45377, 1 }, { "West Chester", 45069, 2 }, { "Loveland", 45140, 1 },
  { "Blue Ash", 45242, 1 }, { "Norwood", 45212, 1 }, { "Forest Park", 45240, 1 }, { "Sharonville", 45241, 1 },
};

static const char *const job_types[] = {
  "Full-Time", "Full-Time", "Full-Time", "Full-time", "FULL_TIME", "Part-Time", "Part-Time", "PART_TIME",
  "part time", "Temporary", "Full-time, Temporary", "Contract", "CONTRACTOR", "Internship", "Seasonal",
  "PER_DIEM", "Tiempo completo",
};

static const char *const headings[] = {
  "What you will do", "Responsibilities", "Requirements", "What we offer", "Benefits", "Qualifications",
  "About us", "Schedule", "Why work here", "Physical demands", "Pay and perks", "Who you are",
};

static const char *const day_names[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
static const char *const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* ---------------------------------------------------------------------- */
/* Shared tables, built once                                              */

typedef struct {
  char *words[VOCABULARY_SIZE];   /* rank order */
  guint16 *zipf;                  /* 2^ZIPF_TABLE_BITS entries: a uniform draw → a rank */
  char *employers[N_EMPLOYERS];
  guint sector_weight_total;
} Tables;

static Tables tables;

static char *
invent_word (GRand *rand)
{
  GString *word = g_string_new (NULL);
  guint syllables = g_rand_int_range (rand, 2, 4);

  for (guint s = 0; s < syllables; s++)
    {
      g_string_append (word, onsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (onsets))]);
      g_string_append (word, vowels[g_rand_int_range (rand, 0, G_N_ELEMENTS (vowels))]);
      if (s == syllables - 1 || g_rand_int_range (rand, 0, 3) == 0)
        g_string_append (word, codas[g_rand_int_range (rand, 0, G_N_ELEMENTS (codas))]);
    }
  return g_string_free (word, FALSE);
}

static char *
make_employer (GRand *rand)
{
  const char *surname = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
  const char *place = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];
  const char *industry = industries[g_rand_int_range (rand, 0, G_N_ELEMENTS (industries))];
  const char *suffix = company_suffixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (company_suffixes))];

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return g_strdup_printf ("%s %s%s", surname, industry, suffix);
    case 1:
      return g_strdup_printf ("%s %s%s", place, industry, suffix);
    case 2:
      return g_strdup_printf ("%s & %s %s%s", surname,
                              surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))], industry, suffix);
    case 3:
      return g_strdup_printf ("%s Family %s", surname, industry);
    case 4:
      return g_strdup_printf ("The %s Group%s", surname, suffix);
    default:
      return g_strdup_printf ("%s %s of %s", place, industry,
                              cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))].name);
    }
}

static gpointer
build_tables (gpointer data)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (0x4a4b5657);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) employer_names = g_hash_table_new (g_str_hash, g_str_equal);
  double *cumulative = g_new (double, VOCABULARY_SIZE);
  double total = 0;
  guint n = 0, rank = 0;
  const guint table_size = 1u << ZIPF_TABLE_BITS;

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (common_words) && n < VOCABULARY_SIZE; i++)
    if (g_hash_table_add (seen, (gpointer) common_words[i]))
      tables.words[n++] = g_strdup (common_words[i]);
  while (n < VOCABULARY_SIZE)
    {
      char *word = invent_word (rand);

      if (g_hash_table_contains (seen, word))
        {
          g_free (word);
          continue;
        }
      tables.words[n++] = word;
      g_hash_table_add (seen, word);
    }

  for (guint r = 0; r < VOCABULARY_SIZE; r++)
    {
      total += 1.0 / pow ((double) (r + 1), ZIPF_EXPONENT);
      cumulative[r] = total;
    }
  tables.zipf = g_new (guint16, table_size);
  for (guint i = 0; i < table_size; i++)
    {
      double target = ((double) i + 0.5) / table_size * total;

      while (rank < VOCABULARY_SIZE - 1 && cumulative[rank] < target)
        rank++;
      tables.zipf[i] = (guint16) rank;
    }
  g_free (cumulative);

  for (guint i = 0; i < N_EMPLOYERS; i++)
    {
      char *name = make_employer (rand);

      /* Distinct names: retry a few times, then number it. */
      for (guint attempt = 0; g_hash_table_contains (employer_names, name); attempt++)
        {
          g_free (name);
          name = attempt < 8 ? make_employer (rand)
                             : g_strdup_printf ("%s %u", industries[i % G_N_ELEMENTS (industries)], i);
        }
      tables.employers[i] = name;
      g_hash_table_add (employer_names, name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    tables.sector_weight_total += sectors[i].weight;
  return NULL;
}

static void
ensure_tables (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_tables, NULL);
}

/* ---------------------------------------------------------------------- */
/* Random helpers                                                         */

static const char *
zipf_word (GRand *rand)
{
  return tables.words[tables.zipf[g_rand_int (rand) >> (32 - ZIPF_TABLE_BITS)]];
}

static gboolean
chance (GRand *rand,
        guint  percent)
{
  return (guint) g_rand_int_range (rand, 0, 100) < percent;
}

static const Sector *
pick_sector (GRand *rand)
{
  guint pick = g_rand_int_range (rand, 0, tables.sector_weight_total);

  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    {
      if (pick < sectors[i].weight)
        return &sectors[i];
      pick -= sectors[i].weight;
    }
  return &sectors[0];
}

/* A stateless uniform draw in [0, 1) for posting k: which postings the
 * next day edits or removes must not depend on anything else. */
static double
posting_draw (guint seed,
              guint k)
{
  guint64 x = ((guint64) seed << 32 | k) + G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return (double) (x >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

static void
seed_posting (GRand *rand,
              guint  seed,
              guint  k,
              guint  salt)
{
  guint32 words[3] = { seed, k, salt };

  g_rand_set_seed_array (rand, words, G_N_ELEMENTS (words));
}

/* ---------------------------------------------------------------------- */
/* Dates                                                                  */

typedef struct {
  int year, month, day, hour, minute, second, weekday; /* weekday: 0 Thursday, as day_names */
} Civil;

/* Days from the civil calendar (H. Hinnant's algorithm), UTC. */
static Civil
civil_from_unix (gint64 t)
{
  Civil c;
  gint64 days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  gint64 secs = t - days * 86400;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint doe = (guint) (z - era * 146097);
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;

  c.day = (int) (doy - (153 * mp + 2) / 5 + 1);
  c.month = (int) (mp < 10 ? mp + 3 : mp - 9);
  c.year = (int) ((gint64) yoe + era * 400 + (c.month <= 2));
  c.hour = (int) (secs / 3600);
  c.minute = (int) (secs / 60 % 60);
  c.second = (int) (secs % 60);
  c.weekday = (int) (((days % 7) + 7) % 7);
  return c;
}

static void
write_rfc822 (FILE  *out,
              gint64 t)
{
  Civil c = civil_from_unix (t);

  fprintf (out, "%s, %02d %s %04d %02d:%02d:%02d GMT", day_names[c.weekday], c.day, month_names[c.month - 1],
           c.year, c.hour, c.minute, c.second);
}

static void
write_posted (FILE   *out,
              GRand  *rand,
              gint64  t)
{
  Civil c = civil_from_unix (t);

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      write_rfc822 (out, t);
      break;
    case 1:
      fprintf (out, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
      break;
    case 2:
      c = civil_from_unix (t - 5 * 3600);
      fprintf (out, "%04d-%02d-%02dT%02d:%02d:%02d-05:00", c.year, c.month, c.day, c.hour, c.minute, c.second);
      break;
    case 3:
      fprintf (out, "%04d-%02d-%02d", c.year, c.month, c.day);
      break;
    default:
      fprintf (out, "%02d/%02d/%04d %02d:%02d:%02d %s", c.month, c.day, c.year,
               c.hour % 12 == 0 ? 12 : c.hour % 12, c.minute, c.second, c.hour < 12 ? "AM" : "PM");
      break;
    }
}

static void
write_expires (FILE   *out,
               GRand  *rand,
               gint64  t)
{
  Civil c = civil_from_unix (t);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      fprintf (out, "%04d-%02d-%02d", c.year, c.month, c.day);
      break;
    case 1:
      fprintf (out, "%02d/%02d/%04d", c.month, c.day, c.year);
      break;
    case 2:
      fprintf (out, "%04d%02d%02d", c.year, c.month, c.day);
      break;
    default:
      write_rfc822 (out, t);
      break;
    }
}

/* ---------------------------------------------------------------------- */
/* Text                                                                   */

typedef struct {
  GString *title;         /* as the feed gives it, modifiers and all */
  const char *base_title; /* without modifiers, for descriptions */
  const char *employer;
  const char *city;
  guint zip;
  const Sector *sector;
  guint k;
} Posting;

static void
append_html_escaped (GString    *s,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (s, "&amp;");
          break;
        case '<':
          g_string_append (s, "&lt;");
          break;
        case '>':
          g_string_append (s, "&gt;");
          break;
        default:
          g_string_append_c (s, *p);
          break;
        }
    }
}

static void
append_words (GString *s,
              GRand   *rand,
              guint    n,
              gboolean capitalize)
{
  for (guint i = 0; i < n; i++)
    {
      const char *word = zipf_word (rand);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0 && capitalize)
        {
          g_string_append_c (s, g_ascii_toupper (word[0]));
          g_string_append (s, word + 1);
        }
      else
        g_string_append (s, word);
    }
}

/* One sentence; a fifth of them name the job, the employer or the town. */
static void
append_sentence (GString       *s,
                 GRand         *rand,
                 const Posting *posting,
                 gboolean       html)
{
  switch (g_rand_int_range (rand, 0, 25))
    {
    case 0:
      if (html)
        append_html_escaped (s, posting->employer);
      else
        g_string_append (s, posting->employer);
      g_string_append_printf (s, " is hiring a %s in %s.", posting->base_title, posting->city);
      break;
    case 1:
      g_string_append_printf (s, "As a %s you will ", posting->base_title);
      append_words (s, rand, g_rand_int_range (rand, 4, 10), FALSE);
      g_string_append_c (s, '.');
      break;
    case 2:
      g_string_append_printf (s, "Our %s location is growing and needs a reliable %s.", posting->city,
                              posting->base_title);
      break;
    case 3:
      g_string_append (s, "Apply today to join ");
      if (html)
        append_html_escaped (s, posting->employer);
      else
        g_string_append (s, posting->employer);
      g_string_append_c (s, '.');
      break;
    case 4:
      g_string_append_printf (s, "Every %s gets paid training, ", posting->base_title);
      append_words (s, rand, g_rand_int_range (rand, 3, 8), FALSE);
      g_string_append_c (s, '.');
      break;
    default:
      append_words (s, rand, g_rand_int_range (rand, 6, 17), TRUE);
      g_string_append_c (s, '.');
      break;
    }
}

static void
append_sentences (GString       *s,
                  GRand         *rand,
                  const Posting *posting,
                  guint          n,
                  gboolean       html)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      append_sentence (s, rand, posting, html);
    }
}

/* Paragraphs and a bulleted list or two: what most feeds send. */
static void
build_simple_html (GString       *d,
                   GRand         *rand,
                   const Posting *posting,
                   gsize          target)
{
  g_string_append (d, "<p>");
  append_html_escaped (d, posting->employer);
  g_string_append_printf (d, " is hiring a %s in %s, OH. ", posting->base_title, posting->city);
  append_sentences (d, rand, posting, g_rand_int_range (rand, 1, 4), TRUE);
  g_string_append (d, "</p>");
  while (d->len < target)
    {
      guint kind = g_rand_int_range (rand, 0, 20);

      if (kind < 12)
        {
          g_string_append (d, "<p>");
          append_sentences (d, rand, posting, g_rand_int_range (rand, 2, 6), TRUE);
          g_string_append (d, "</p>");
        }
      else if (kind < 17)
        {
          guint items = g_rand_int_range (rand, 3, 7);

          g_string_append_printf (d, "<p><strong>%s:</strong></p><ul>",
                                  headings[g_rand_int_range (rand, 0, G_N_ELEMENTS (headings))]);
          for (guint i = 0; i < items; i++)
            {
              g_string_append (d, "<li>");
              append_words (d, rand, g_rand_int_range (rand, 4, 10), TRUE);
              g_string_append (d, "</li>");
            }
          g_string_append (d, "</ul>");
        }
      else
        {
          g_string_append (d, "<p>");
          append_sentence (d, rand, posting, TRUE);
          g_string_append (d, "<br>");
          append_sentence (d, rand, posting, TRUE);
          g_string_append (d, "</p>");
        }
    }
}

/* Plain text with blank lines and dashes, as some exports send. */
static void
build_plain_text (GString       *d,
                  GRand         *rand,
                  const Posting *posting,
                  gsize          target)
{
  g_string_append_printf (d, "%s is hiring a %s in %s, OH. ", posting->employer, posting->base_title,
                          posting->city);
  append_sentences (d, rand, posting, g_rand_int_range (rand, 1, 4), FALSE);
  while (d->len < target)
    {
      g_string_append (d, "\n\n");
      if (chance (rand, 70))
        append_sentences (d, rand, posting, g_rand_int_range (rand, 2, 6), FALSE);
      else
        {
          guint items = g_rand_int_range (rand, 3, 7);
          const char *bullet = chance (rand, 50) ? "- " : "\xe2\x80\xa2 ";

          g_string_append_printf (d, "%s:", headings[g_rand_int_range (rand, 0, G_N_ELEMENTS (headings))]);
          for (guint i = 0; i < items; i++)
            {
              g_string_append_c (d, '\n');
              g_string_append (d, bullet);
              append_words (d, rand, g_rand_int_range (rand, 4, 10), TRUE);
            }
        }
    }
}

/* What ATS exports and pasted word-processor text look like: nested
 * lists, spans in spans, inline styles, entities, a table, a script. */
static void
build_heavy_html (GString       *d,
                  GRand         *rand,
                  const Posting *posting,
                  gsize          target)
{
  g_string_append (d, "<div class=\"job-description\" style=\"font-family:Arial,sans-serif\">"
                      "<style type=\"text/css\">.jd li{margin:0 0 4px}.jd p{line-height:1.4}</style>");
  g_string_append_printf (d, "<script type=\"text/javascript\">window.dataLayer=window.dataLayer||[];"
                             "dataLayer.push({'job':'%u','src':'feed'});if(a<b&&c>d){track('apply');}</script>",
                          posting->k);
  g_string_append (d, "<h2>About&nbsp;the&nbsp;Role</h2><p><span style=\"font-size:11pt\"><span style=\"color:#333\">");
  append_html_escaped (d, posting->employer);
  g_string_append_printf (d, "&nbsp;is hiring a <b>%s</b> in %s, OH&nbsp;&ndash; ", posting->base_title,
                          posting->city);
  append_sentences (d, rand, posting, 2, TRUE);
  g_string_append (d, "</span></span></p>");
  while (d->len < target)
    {
      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          g_string_append_printf (d, "<p><span style=\"font-size:11pt\"><span style=\"color:#333333\"><b>%s</b>"
                                     "&nbsp;&ndash; ",
                                  headings[g_rand_int_range (rand, 0, G_N_ELEMENTS (headings))]);
          append_sentences (d, rand, posting, g_rand_int_range (rand, 1, 4), TRUE);
          g_string_append (d, "</span></span></p>");
          break;
        case 1:
          g_string_append (d, "<ul class=\"jd\"><li><span>");
          append_words (d, rand, g_rand_int_range (rand, 3, 8), TRUE);
          g_string_append (d, "</span><ul><li>");
          append_words (d, rand, g_rand_int_range (rand, 2, 6), TRUE);
          g_string_append (d, " &amp; ");
          append_words (d, rand, g_rand_int_range (rand, 2, 6), FALSE);
          g_string_append (d, "</li><li><em>");
          append_words (d, rand, g_rand_int_range (rand, 3, 8), TRUE);
          g_string_append (d, "</em></li></ul></li><li><p>");
          append_sentence (d, rand, posting, TRUE);
          g_string_append (d, "</p></li></ul>");
          break;
        case 2:
          g_string_append_printf (d, "<table border=\"1\" cellpadding=\"4\"><tbody>"
                                     "<tr><th>Shift</th><th>Hours</th><th>Pay</th></tr>"
                                     "<tr><td>1st</td><td>7a&ndash;3p</td><td>$%u.%02u/hr</td></tr>"
                                     "<tr><td>2nd</td><td>3p&ndash;11p</td><td>$%u.%02u/hr</td></tr>"
                                     "</tbody></table>",
                                  (guint) g_rand_int_range (rand, 14, 30), (guint) g_rand_int_range (rand, 0, 4) * 25,
                                  (guint) g_rand_int_range (rand, 15, 32), (guint) g_rand_int_range (rand, 0, 4) * 25);
          break;
        case 3:
          g_string_append (d, "<p>We&rsquo;re proud of our team &#8212; ");
          append_words (d, rand, g_rand_int_range (rand, 4, 10), FALSE);
          g_string_append (d, " caf&eacute; &hellip; &#x2022; ");
          append_words (d, rand, g_rand_int_range (rand, 3, 8), FALSE);
          g_string_append (d, " &amp;amp; ");
          append_words (d, rand, g_rand_int_range (rand, 3, 8), FALSE);
          g_string_append (d, ".</p>");
          break;
        case 4:
          g_string_append (d, "<div><br/><i>");
          append_sentence (d, rand, posting, TRUE);
          g_string_append (d, "</i> See our <a href=\"https://jobs.example.org/benefits?x=1&amp;y=2\">benefits page</a>"
                              "<br></div>");
          break;
        default:
          {
            guint items = g_rand_int_range (rand, 2, 6);

            g_string_append (d, "<ol>");
            for (guint i = 0; i < items; i++)
              {
                g_string_append (d, "<li><span style=\"mso-list:l0\">");
                append_words (d, rand, g_rand_int_range (rand, 4, 10), TRUE);
                g_string_append (d, "</span></li>");
              }
            g_string_append (d, "</ol>");
          }
          break;
        }
    }
  g_string_append (d, "</div>");
}

static void
write_salary (GString *s,
              GRand   *rand)
{
  double hourly = 12.0 + g_rand_double (rand) * 30.0;
  guint yearly = (guint) (hourly * 2080.0 / 1000.0);

  switch (g_rand_int_range (rand, 0, 16))
    {
    case 0:
    case 1:
    case 2:
      g_string_append_printf (s, "$%.2f - $%.2f per hour", hourly, hourly + 1.0 + g_rand_int_range (rand, 0, 5));
      break;
    case 3:
      g_string_append_printf (s, "$%.2f/hr", hourly);
      break;
    case 4:
      g_string_append_printf (s, "From $%u/hr", (guint) hourly);
      break;
    case 5:
      g_string_append_printf (s, "Up to $%.2f an hour", hourly);
      break;
    case 6:
      g_string_append_printf (s, "$%.2f la hora", hourly);
      break;
    case 7:
      g_string_append_printf (s, "$%uK\xe2\x80\x93$%uK a year", yearly, yearly + 6);
      break;
    case 8:
      g_string_append_printf (s, "$%u,%03u - $%u,%03u per year", yearly, 0u, yearly + 8, 500u);
      break;
    case 9:
      g_string_append_printf (s, "%u,%03u", yearly, 0u);
      break;
    case 10:
      g_string_append_printf (s, "$%u weekly", (guint) (hourly * 40.0));
      break;
    case 11:
      g_string_append_printf (s, "$%u,%03u monthly", (guint) (hourly * 173.33) / 1000, (guint) (hourly * 173.33) % 1000);
      break;
    case 12:
      g_string_append_printf (s, "$%u per day", (guint) (hourly * 8.0));
      break;
    case 13:
      g_string_append (s, "DOE");
      break;
    case 14:
      g_string_append (s, "Negotiable");
      break;
    default:
      g_string_append (s, "Competitive pay & benefits");
      break;
    }
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                */

typedef struct {
  FILE *out;
  GRand *rand;
  GRand *edit_rand;
  GString *title;
  GString *description;
  GString *salary;
  guint seed;
  gint64 now;
  JkBenchFeedStats *stats;
} Writer;

static void
write_escaped (FILE       *out,
               const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity = NULL;

      switch (*p)
        {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        default:
          break;
        }
      if (entity != NULL)
        {
          fwrite (run, 1, p - run, out);
          fputs (entity, out);
          run = p + 1;
        }
    }
  fwrite (run, 1, p - run, out);
}

/* In CDATA mostly, entity-escaped sometimes: both are common. */
static void
write_element (FILE       *out,
               const char *tag,
               const char *text,
               gboolean    cdata)
{
  fprintf (out, "    <%s>", tag);
  if (cdata)
    {
      fputs ("<![CDATA[", out);
      fputs (text, out);
      fputs ("]]>", out);
    }
  else
    write_escaped (out, text);
  fprintf (out, "</%s>\n", tag);
}

static void
write_posting (Writer   *w,
               guint     k,
               gboolean  edited)
{
  GRand *rand = w->rand;
  Posting posting = { 0 };
  gboolean heavy = FALSE, has_salary;
  gsize target;
  guint city_index, zip_index;
  gint64 posted, expires = 0;
  double u;

  seed_posting (rand, w->seed, k, 0x6a6f62);
  posting.k = k;
  posting.sector = pick_sector (rand);
  posting.base_title = posting.sector->titles[g_rand_int_range (rand, 0, posting.sector->n_titles)];
  g_string_truncate (w->title, 0);
  if (chance (rand, 20))
    g_string_append (w->title, title_prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (title_prefixes))]);
  g_string_append (w->title, posting.base_title);
  if (chance (rand, 25))
    g_string_append (w->title, title_suffixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (title_suffixes))]);
  posting.title = w->title;

  /* A few employers post a lot, most post a little. */
  u = g_rand_double (rand);
  posting.employer = tables.employers[(guint) (u * u * N_EMPLOYERS)];
  /* Big cities have more postings (and more ZIP codes). */
  u = g_rand_double (rand);
  city_index = (guint) (u * u * G_N_ELEMENTS (cities));
  posting.city = cities[city_index].name;
  zip_index = g_rand_int_range (rand, 0, cities[city_index].n_zips);
  posting.zip = cities[city_index].zip + 2 * zip_index;

  posted = w->now - g_rand_int_range (rand, 0, 30 * 86400);
  u = g_rand_double (rand);
  if (u < 0.03)
    {
      expires = w->now - g_rand_int_range (rand, 86400, 20 * 86400);
      posted = expires - 30 * 86400;
      w->stats->expired++;
    }
  else if (u >= 0.10)
    expires = posted + g_rand_int_range (rand, 32 * 86400, 60 * 86400);

  fputs ("  <job>\n", w->out);
  write_element (w->out, "title", w->title->str, chance (rand, 80));
  fputs ("    <date>", w->out);
  write_posted (w->out, rand, posted);
  fputs ("</date>\n", w->out);
  fprintf (w->out, "    <referencenumber><![CDATA[BJX-%07u]]></referencenumber>\n", k);
  fprintf (w->out, "    <url>https://jobs.example.org/apply/%07u?src=feed&amp;utm_medium=kiosk</url>\n", k);
  if (!chance (rand, 2))
    write_element (w->out, "company", posting.employer, chance (rand, 85));
  write_element (w->out, "city", posting.city, chance (rand, 50));
  write_element (w->out, "state", chance (rand, 95) ? "OH" : "Ohio", FALSE);
  if (chance (rand, 3))
    write_element (w->out, "country", "US", FALSE);
  fprintf (w->out, "    <postalcode>%05u</postalcode>\n", posting.zip);

  g_string_truncate (w->description, 0);
  target = 1000 + g_rand_int_range (rand, 0, 2001);
  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0:
    case 1:
      heavy = TRUE;
      build_heavy_html (w->description, rand, &posting, target);
      w->stats->html_heavy++;
      break;
    case 2:
    case 3:
      build_plain_text (w->description, rand, &posting, target);
      break;
    default:
      build_simple_html (w->description, rand, &posting, target);
      break;
    }

  g_string_truncate (w->salary, 0);
  has_salary = chance (rand, 90);
  if (has_salary)
    write_salary (w->salary, rand);

  if (edited)
    {
      /* The next day's edit: new pay, or a paragraph added. */
      seed_posting (w->edit_rand, w->seed, k, 0x65646974);
      if (has_salary && chance (w->edit_rand, 50))
        {
          g_string_truncate (w->salary, 0);
          g_string_append_printf (w->salary, "$%.2f - $%.2f per hour", 14.0 + g_rand_double (w->edit_rand) * 20.0,
                                  36.0 + g_rand_double (w->edit_rand) * 4.0);
        }
      else
        {
          g_string_append (w->description, heavy ? "<p><b>Update:</b> " : "<p>Update: ");
          append_sentences (w->description, w->edit_rand, &posting, 2, TRUE);
          g_string_append (w->description, "</p>");
        }
      w->stats->changed++;
    }
  write_element (w->out, "description", w->description->str, !chance (rand, 5));
  if (has_salary)
    write_element (w->out, "salary", w->salary->str, chance (rand, 50));
  if (chance (rand, 85))
    write_element (w->out, "jobtype", job_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (job_types))], FALSE);
  if (chance (rand, 80))
    write_element (w->out, "category",
                   posting.sector->categories[g_rand_int_range (rand, 0, posting.sector->n_categories)], TRUE);
  if (expires != 0)
    {
      fputs ("    <expirationdate>", w->out);
      write_expires (w->out, rand, expires);
      fputs ("</expirationdate>\n", w->out);
    }
  fputs ("  </job>\n", w->out);
  w->stats->jobs++;
}

gboolean
jk_bench_feedgen_write (const char       *path,
                        guint             n_jobs,
                        guint             seed,
                        double            changed_share,
                        gint64            now,
                        JkBenchFeedStats *stats,
                        GError          **error)
{
  JkBenchFeedStats local_stats = { 0 };
  g_autoptr (GRand) rand = g_rand_new ();
  g_autoptr (GRand) edit_rand = g_rand_new ();
  g_autoptr (GString) title = g_string_new (NULL);
  g_autoptr (GString) description = g_string_sized_new (8192);
  g_autoptr (GString) salary = g_string_new (NULL);
  g_autofree char *buffer = g_malloc (1 << 20);
  Writer w = { 0 };
  double remove_below = changed_share > 0 ? changed_share / 2 : 0;
  double edit_below = changed_share > 0 ? changed_share * 1.5 : 0;
  int saved_errno;
  GStatBuf st;

  ensure_tables ();
  if (stats == NULL)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);
  w.out = g_fopen (path, "wb");
  if (w.out == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "Cannot create %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  setvbuf (w.out, buffer, _IOFBF, 1 << 20);
  w.rand = rand;
  w.edit_rand = edit_rand;
  w.title = title;
  w.description = description;
  w.salary = salary;
  w.seed = seed;
  w.now = now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC;
  w.stats = stats;

  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n"
         "  <publisher>Buckeye Job Exchange (synthetic benchmark feed)</publisher>\n"
         "  <publisherurl>https://jobs.example.org/</publisherurl>\n  <lastBuildDate>", w.out);
  write_rfc822 (w.out, w.now);
  fputs ("</lastBuildDate>\n", w.out);

  for (guint k = 0; k < n_jobs; k++)
    {
      double draw = changed_share > 0 ? posting_draw (seed, k) : 1.0;

      if (draw < remove_below)
        {
          stats->removed++;
          continue;
        }
      write_posting (&w, k, draw < edit_below);
    }
  /* As many new postings as were removed. */
  for (guint i = 0; i < stats->removed; i++)
    {
      write_posting (&w, n_jobs + i, FALSE);
      stats->added++;
    }
  fputs ("</source>\n", w.out);

  if (ferror (w.out))
    {
      saved_errno = errno;
      fclose (w.out);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "Cannot write %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (fclose (w.out) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "Cannot write %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (g_stat (path, &st) == 0)
    stats->bytes = (guint64) st.st_size;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Queries                                                                */

/* 1 to max_words consecutive words of text, split at spaces. */
static char *
words_from (GRand      *rand,
            const char *text,
            guint       max_words,
            gboolean    lower)
{
  g_auto (GStrv) parts = g_strsplit (text, " ", -1);
  g_autoptr (GPtrArray) usable = g_ptr_array_new ();
  g_autoptr (GString) joined = g_string_new (NULL);
  guint n, start;

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_ascii_isalnum (parts[i][0]) && !g_str_equal (parts[i], "of") && !g_str_equal (parts[i], "The") &&
        !g_str_equal (parts[i], "LLC") && !g_str_equal (parts[i], "Inc."))
      g_ptr_array_add (usable, parts[i]);
  if (usable->len == 0)
    return g_strdup (text);
  n = g_rand_int_range (rand, 1, MIN (max_words, usable->len) + 1);
  start = g_rand_int_range (rand, 0, usable->len - n + 1);
  for (guint i = start; i < start + n; i++)
    {
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, usable->pdata[i]);
    }
  return lower ? g_ascii_strdown (joined->str, -1) : g_string_free (g_steal_pointer (&joined), FALSE);
}

static const char *
common_word (GRand *rand)
{
  for (;;)
    {
      guint rank = tables.zipf[g_rand_int (rand) >> (32 - ZIPF_TABLE_BITS)];

      if (rank < G_N_ELEMENTS (common_words))
        return tables.words[rank];
    }
}

static const char *
rare_word (GRand *rand)
{
  return tables.words[g_rand_int_range (rand, G_N_ELEMENTS (common_words), VOCABULARY_SIZE)];
}

static const char *
title_word (GRand *rand,
            char **owned)
{
  const Sector *sector = pick_sector (rand);

  *owned = words_from (rand, sector->titles[g_rand_int_range (rand, 0, sector->n_titles)], 1, TRUE);
  return *owned;
}

GPtrArray *
jk_bench_feedgen_queries (guint n_queries,
                          guint seed)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed ^ 0x71756572);

  ensure_tables ();
  for (guint i = 0; i < n_queries; i++)
    {
      guint kind = g_rand_int_range (rand, 0, 100);
      g_autofree char *owned = NULL;
      g_autofree char *owned2 = NULL;
      char *query;

      if (kind < 20)
        {
          const Sector *sector = pick_sector (rand);

          query = words_from (rand, sector->titles[g_rand_int_range (rand, 0, sector->n_titles)], 3, chance (rand, 60));
        }
      else if (kind < 34)
        query = g_strdup (common_word (rand));
      else if (kind < 46)
        query = g_strdup (rare_word (rand));
      else if (kind < 58)
        query = g_strdup_printf ("%s %s", title_word (rand, &owned), common_word (rand));
      else if (kind < 66)
        query = g_strdup_printf ("%s %s %s", zipf_word (rand), zipf_word (rand), zipf_word (rand));
      else if (kind < 76)
        query = words_from (rand, tables.employers[g_rand_int_range (rand, 0, N_EMPLOYERS)], 2, chance (rand, 50));
      else if (kind < 84)
        {
          const char *city = cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))].name;

          query = chance (rand, 50) ? g_strdup (city) : g_strdup_printf ("%s %s", title_word (rand, &owned), city);
        }
      else if (kind < 91)
        {
          /* Half typed. */
          const char *word = chance (rand, 50) ? title_word (rand, &owned) : zipf_word (rand);
          glong length = g_utf8_strlen (word, -1);

          query = length > 4 ? g_utf8_substring (word, 0, g_rand_int_range (rand, 3, length)) : g_strdup (word);
        }
      else if (kind < 97)
        query = g_strdup_printf ("%s %s", title_word (rand, &owned), rare_word (rand));
      else
        {
          /* Nothing matches: letters no invented word has. */
          query = g_strdup_printf ("%s qqxzv%c%c", chance (rand, 50) ? title_word (rand, &owned2) : "",
                                   'a' + g_rand_int_range (rand, 0, 26), 'a' + g_rand_int_range (rand, 0, 26));
          g_strstrip (query);
        }
      g_ptr_array_add (queries, query);
    }
  return queries;
}
