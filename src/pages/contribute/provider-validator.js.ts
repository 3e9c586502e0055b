// /contribute/provider-validator.js: the form's precompiled validator for the provider schema (see
// src/components/contribute/validator-code.ts). Built from the same vocabularies as the site.
import type { APIRoute } from 'astro';
import { validatorModule } from '../../components/contribute/validator-code.ts';
import { providerSchema } from '../../lib/dataset/schema.ts';
import { siteDataset } from '../../site-data.ts';

export const GET: APIRoute = () =>
  new Response(validatorModule(providerSchema(siteDataset().vocab)), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
