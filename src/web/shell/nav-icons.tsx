/** Small line icons for the navigation (inline SVG: no icon library in the bundle). */
export type NavIconName = 'households' | 'register' | 'dedup' | 'figures' | 'sites' | 'assessments' | 'programmes' | 'assistanceReports' | 'catalogue' | 'distribution' | 'stock' | 'organizations' | 'users' | 'account';

const PATHS: Record<NavIconName, React.ReactNode> = {
  households: <><path d="M3 11 12 4l9 7" /><path d="M5 10v10h14V10" /><path d="M10 20v-6h4v6" /></>,
  register: <><circle cx="10" cy="8" r="4" /><path d="M3 21a7 7 0 0 1 12-5" /><path d="M18 14v7M14.5 17.5h7" /></>,
  dedup: <><rect x="3" y="5" width="11" height="14" rx="2" /><path d="M10 5V4a1 1 0 0 1 1-1h8a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-5" /><path d="m6 12 2 2 3.5-3.5" /></>,
  figures: <><path d="M4 20V10M10 20V4M16 20v-7M22 20H2" /></>,
  sites: <><path d="M3 20 9 8l4 7 2-3 6 8Z" /><path d="M9 8V4l3 1.5L9 7" /></>,
  assessments: <><rect x="5" y="3" width="14" height="18" rx="2" /><path d="M9 3v2h6V3M9 11h6M9 15h4" /></>,
  programmes: <><path d="M3 9h18v11H3z" /><path d="M3 9l2.5-5h13L21 9M12 9v11M9 13h6" /></>,
  assistanceReports: <><path d="M4 4v16h16" /><path d="m8 15 3-4 3 2 5-6" /></>,
  catalogue: <><path d="M3 12V4h8l10 10-8 8Z" /><circle cx="7.5" cy="8.5" r="1.5" /></>,
  distribution: <><rect x="3" y="4" width="13" height="16" rx="2" /><path d="M6 8h3v3H6zM11 8h2M11 11h2M6 15h7" /><path d="m16 12 2 2 3.5-3.5" /></>,
  stock: <><path d="M12 3 3 7.5v9L12 21l9-4.5v-9Z" /><path d="m3 7.5 9 4.5 9-4.5M12 12v9" /></>,
  organizations: <><path d="M4 21V7l8-4 8 4v14" /><path d="M9 21v-5h6v5M8 10h.01M12 10h.01M16 10h.01" /></>,
  users: <><circle cx="9" cy="8" r="3.5" /><path d="M2.5 20a6.5 6.5 0 0 1 13 0" /><path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6" /></>,
  account: <><circle cx="12" cy="12" r="9" /><circle cx="12" cy="10" r="3" /><path d="M6.5 18.5a6.5 6.5 0 0 1 11 0" /></>,
};

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      {PATHS[name]}
    </svg>
  );
}
