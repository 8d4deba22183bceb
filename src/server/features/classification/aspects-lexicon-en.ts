/**
 * English cues of each aspect, for `aspects.ts`. Same syntax as `aspects-lexicon-ru.ts`.
 * Irregular forms are listed ("broke|broken"); words with a common unrelated sense are left out
 * or put in a phrase ("arrived" would also be "when we arrived at the store"; "break" is also a
 * lunch break).
 */
import type { TAspectId } from "./aspects.ts";

/** Per aspect (except "other", which is the absence of the rest), lexicon lines. */
export type TAspectCueTable = Readonly<Record<Exclude<TAspectId, "other">, readonly string[]>>;

export const EN_ASPECT_CUES: TAspectCueTable = {
  service: [
    "service|serviced|support|hotline|helpdesk|queue|queues|chat|appointment*|booking|bookings|reservation*",
    "customer care; call center|centre; help desk; on hold; wait time; hung up; hang up; call back; called back",
    "response|responses|respond*|replied|reply|replies|answer*|ignored|ignoring|request|requests|warranty|repair|repairs",
    "phone call*; the phone; picks up; calls|called",
    "ticket|tickets|complaint*|resolve|resolved|resolution|branch|callback|return|returns|returned",
  ],
  staff: [
    "staff|staffer*|employee|employees|waiter*|waitress*|waitstaff|server|servers|bartender*|barista*",
    "cashier*|clerk*|receptionist*|host|hostess|manager|managers|pharmacist*|doctor*|nurse*|dentist*|hygienist*",
    "trainer*|instructor*|technician*|mechanic*|driver|drivers|agent|agents|salesperson|salesman|saleswoman",
    "associate*|consultant*|tutor*|teacher*|vet|vets|veterinarian*|hairdresser*|stylist*|barber*|beautician*",
    "therapist*|masseuse*|realtor*|lawyer*|attorney*|notary|broker*|plumber*|electrician*|installer*|mover|movers",
    "dispatcher*|guide|guides|flight attendant*|stewardess*|pilot*|concierge|housekeep*|sommelier*|chef|chefs|cook|cooks",
    "baker*|photographer*|assistant*|pediatrician*|optometrist*|surgeon*|paramedic*|lifeguard*|usher*|janitor*|valet*",
    "gentle|caring|patient|knowledgeable; dr",
    "rude*|polite*|impolite|friendly|unfriendly|courteous|attentive|helpful|unhelpful|condescending|attitude",
    "professional|unprofessional|competent|incompetent; sales rep*",
  ],
  price: [
    "price|prices|priced|pricing|pricey|pricier|overpriced|overcharg*|expensive|cheap|cheaper|cheapest",
    "cost|costs|costly|fee|fees|charge|charged|charges|surcharge*|refund*|money|dollar*|bucks|cents",
    "discount*|coupon*|promo|promos|bill|billed|billing|bills|value|worth|pay|paid|paying|payment*",
    "afford*|budget|deposit|deposits|voucher*|cashback|fare|fares|rate|rates; price list; cash back",
  ],
  quality: [
    "quality|broke|broken|defect*|faulty|flawed|stale|fresh|freshness|taste|tasted|tastes|tasty|tasteless",
    "flavor*|flavour*|bland|delicious|soggy|undercooked|overcooked|raw|burnt|burned|sour|salty|greasy|dry|cold",
    "flimsy|sturdy|durable|durability|crash|crashes|crashed|crashing|buggy|bug|bugs|glitch*|freez*|laggy",
    "smell*|stink*|odor|odour|leak*|ripped|torn|tore|rash|redness|itch*|irritation|allerg*",
    "mold|moldy|mould*|spoiled|rotten|expired|pilled|pilling|faded|shrunk|shrank|chipped|cracked|dented|mediocre",
    "fell|falls|falling apart; stopped|not|doesn't|won't|didn't working|work; cheaply|poorly|well made",
    "gotten|got worse; went downhill; tasted off",
    "peeled|peeling|flaking|clumps|clumped|squeal*|rattl*|dies|died|drains|dead battery|straw; barely work*",
  ],
  delivery: [
    "deliver*|shipping|shipped|ship|ships|shipment*|courier*|package*|parcel*|tracking|dispatch*|transit",
    "porch|doorstep|mailbox|locker|pickup|postal|usps|ups|fedex|dhl",
    "collection point; post office; in the mail",
  ],
  product: [
    "product|products|item|items|app|apps|feature*|model|models|device*|gadget*|smartphone*|iphone*",
    "laptop*|tablet*|headphones|earbuds|kettle*|sofa|couch|mattress*|desk|chair|chairs|jacket*|sneakers|shoes|boots",
    "dress|jeans|moisturizer*|moisturiser*|cream|serum|lipstick|makeup|shampoo|medication|medicine|pills",
    "menu|menus|dish|dishes|options|range|selection|assortment|sizes|colors|colours|update|updates|version",
    "card|loan|mortgage|savings|plan|plans|membership*|subscription*|software|recipe*|collection",
  ],
  employer: [
    "salary|salaries|wage|wages|paycheck*|payroll|employer|boss|bosses|fired|layoff*|severance",
    "interview*|recruiter*|hiring|hired|hr|overtime|shift|shifts|coworker*|colleague*|workplace",
    "benefits|pto|onboarding|internship*|intern|interns|job|jobs|career*|bonuses|understaff*",
    "laid off; co worker*; work environment|culture; company culture; former|ex employee|employees|staff",
    "worked|working there|here|at; work there|here; quit|position|positions|vacancy|vacancies",
  ],
};
