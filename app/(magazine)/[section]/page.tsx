import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SectionListing } from '@/components/listing/section-listing';
import { SECTIONS } from '@/lib/content';
import { SECTION_INFO, sectionFromParam } from '@/lib/content/sections';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ section: string }> };

export function generateStaticParams() {
  return SECTIONS.map((section) => ({ section }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = sectionFromParam((await params).section);
  if (!section) return {};
  const info = SECTION_INFO[section];
  return pageMetadata(info.path, {
    title: info.title,
    description: info.description,
    alternates: { types: { 'application/rss+xml': [{ url: `/flux/rubrique/${section}/rss.xml`, title: `${info.title} (RSS)` }] } },
  });
}

export default async function SectionPage({ params }: Props) {
  const section = sectionFromParam((await params).section);
  if (!section) notFound();
  return <SectionListing section={section} page={1} />;
}
