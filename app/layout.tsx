import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountNav } from "@/components/auth/AccountNav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reported cyberattacks", template: "%s · Reported cyberattacks" },
  description: "Cyberattack figures as officials reported them, with who said each number, to whom, and where it was published.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                ◆
              </span>
              Reported cyberattacks
            </Link>
            <p className="site-header__tagline">Figures as officials stated them — claims, with their sources.</p>
            <AccountNav />
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Every number here is a claim made in public, not a measurement. Figures are shown with their qualifier
            (“more than”, “approximately”) and are never added up across reports.
          </p>
          <p>
            Data: <a href="/api/v1/reports">JSON API</a> · Countries: ISO 3166-1 · Regions: UN M49
          </p>
        </footer>
      </body>
    </html>
  );
}
