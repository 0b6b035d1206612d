// The demo's ESLint config, as an application would write it. From inside
// this repository the import resolves to the built plugin (package
// self-reference); in an application, to the installed package.
import whatsappErrors from 'eslint-plugin-whatsapp-errors';

export default [whatsappErrors.configs.recommended];
