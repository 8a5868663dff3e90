import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { laterPage } from '@/components/listing/page-param';
import { SectionListing } from '@/components/listing/section-listing';
import { getPublishedPieces, prerenderedPageNumbers, SECTIONS } from '@/lib/content';
import { SECTION_INFO, sectionFromParam } from '@/lib/content/sections';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ section: string; page: string }> };

export async function generateStaticParams() {
  const params = [];
  for (const section of SECTIONS) {
    for (const page of prerenderedPageNumbers((await getPublishedPieces(section)).length)) params.push({ section, page });
  }
  // The build wants at least one path to check the route with; a page past the end answers 404.
  return params.length > 0 ? params : [{ section: 'articles', page: '2' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section: sectionParam, page } = await params;
  const section = sectionFromParam(sectionParam);
  if (!section) return {};
  const info = SECTION_INFO[section];
  return pageMetadata(`${info.path}/page/${page}`, { title: `${info.title} — page ${page}`, description: info.description });
}

export default async function SectionPageN({ params }: Props) {
  const { section: sectionParam, page: pageParam } = await params;
  const section = sectionFromParam(sectionParam);
  if (!section) notFound();
  return <SectionListing section={section} page={laterPage(pageParam, SECTION_INFO[section].path)} />;
}
