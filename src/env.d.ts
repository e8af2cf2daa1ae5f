declare module 'virtual:briefing/starlight-icons' {
  /** Starlight's icons by name, as SVG markup (see src/integrations/starlight-replacements.ts). */
  export const Icons: Record<string, string>;
}
