import "server-only";
import { words } from "./words";

export type BusinessCategory = {
  id: string;
  /** How a marketer would say what people come for: "People interested in <label>". */
  label: string;
  /** Broad interests that exist in Meta's detailed targeting. */
  interests: string[];
  ages: [min: number, max: number];
  cues: string[];
};

export const CATEGORIES: BusinessCategory[] = [
  {
    id: "bakery",
    label: "fresh bakes and treats",
    interests: ["Baking", "Bakeries", "Desserts", "Coffee"],
    ages: [25, 65],
    cues: ["bakery", "bread", "sourdough", "pastry", "pastries", "cake", "cakes", "croissant", "croissants", "cupcakes", "cookies", "patisserie", "baked", "bakes"],
  },
  {
    id: "food",
    label: "food and dining out",
    interests: ["Restaurants", "Food", "Coffee", "Brunch"],
    ages: [21, 60],
    cues: ["restaurant", "cafe", "café", "coffee", "brunch", "dinner", "lunch", "dishes", "chef", "pizza", "burger", "cuisine", "takeaway", "bistro", "bar"],
  },
  {
    id: "software",
    label: "tools that make work easier",
    interests: ["Small business", "Entrepreneurship", "Software", "Productivity"],
    ages: [25, 55],
    cues: ["software", "saas", "platform", "app", "api", "dashboard", "integration", "integrations", "automate", "automation", "workflow", "invoices", "invoicing", "crm", "analytics"],
  },
  {
    id: "fitness",
    label: "fitness and staying active",
    interests: ["Physical fitness", "Gym", "Yoga", "Running"],
    ages: [18, 45],
    cues: ["gym", "fitness", "workout", "workouts", "yoga", "pilates", "training", "trainer", "classes", "strength", "hiit", "crossfit"],
  },
  {
    id: "beauty",
    label: "beauty and self-care",
    interests: ["Beauty salons", "Cosmetics", "Skin care", "Hair care"],
    ages: [18, 54],
    cues: ["salon", "hair", "beauty", "nails", "spa", "skincare", "skin", "makeup", "facial", "massage", "barber", "lashes"],
  },
  {
    id: "fashion",
    label: "fashion and style",
    interests: ["Fashion", "Clothing", "Shopping", "Jewelry"],
    ages: [18, 44],
    cues: ["fashion", "clothing", "apparel", "dresses", "dress", "shoes", "jewellery", "jewelry", "collection", "wear", "style", "boutique"],
  },
  {
    id: "pets",
    label: "pets and pet care",
    interests: ["Pets", "Dogs", "Cats", "Pet food"],
    ages: [25, 64],
    cues: ["pet", "pets", "dog", "dogs", "cat", "cats", "puppy", "puppies", "kitten", "vet", "grooming", "paws"],
  },
  {
    id: "home",
    label: "home improvement",
    interests: ["Home improvement", "Do it yourself (DIY)", "Interior design", "Gardening"],
    ages: [28, 65],
    cues: ["plumbing", "plumber", "roofing", "renovation", "renovations", "electrician", "landscaping", "cleaning", "kitchen", "bathroom", "builder", "repairs", "garden", "interior"],
  },
  {
    id: "health",
    label: "health and wellbeing",
    interests: ["Health & wellness", "Dentistry", "Physical therapy", "Nutrition"],
    ages: [25, 65],
    cues: ["dentist", "dental", "clinic", "therapy", "therapist", "physio", "physiotherapy", "doctor", "health", "wellbeing", "wellness", "nutrition", "chiropractor"],
  },
  {
    id: "education",
    label: "learning new skills",
    interests: ["Education", "Online learning", "Language learning", "Higher education"],
    ages: [18, 44],
    cues: ["course", "courses", "tutoring", "tutor", "lessons", "learn", "learning", "school", "academy", "students", "workshop", "workshops"],
  },
  {
    id: "events",
    label: "events and celebrations",
    interests: ["Weddings", "Event planning", "Parties", "Live music"],
    ages: [24, 45],
    cues: ["wedding", "weddings", "venue", "events", "event", "party", "parties", "celebration", "celebrations", "festival", "tickets", "concert"],
  },
  {
    id: "travel",
    label: "travel and short breaks",
    interests: ["Travel", "Hotels", "Vacations", "Adventure travel"],
    ages: [25, 64],
    cues: ["hotel", "travel", "tours", "tour", "rooms", "stay", "holiday", "holidays", "vacation", "trips", "b&b", "cottage"],
  },
  {
    id: "retail",
    label: "shopping for quality products",
    interests: ["Online shopping", "Shopping", "Gifts"],
    ages: [18, 65],
    cues: ["shop", "store", "products", "shipping", "delivery", "gift", "gifts", "order", "collection", "handmade"],
  },
];

/** The category whose cue words occur most in `text` (two hits at least), or null. */
export function detectCategory(text: string): BusinessCategory | null {
  const counts = new Map<string, number>();
  for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best: { category: BusinessCategory; score: number } | null = null;
  for (const category of CATEGORIES) {
    // Each cue counts at most three times, so one repeated word cannot decide alone.
    const score = category.cues.reduce((sum, cue) => sum + Math.min(3, counts.get(cue) ?? 0), 0);
    if (score >= 2 && (!best || score > best.score)) best = { category, score };
  }
  return best?.category ?? null;
}
