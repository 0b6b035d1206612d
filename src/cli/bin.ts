#!/usr/bin/env node
/** The `whatsapp-errors` executable (see ./index.ts). */
import { main } from './index.js';

process.exitCode = await main(process.argv.slice(2));
