// Reading the catalog: Turtle with n3, JSON-LD with jsonld, both to
// canonical N-Quads (RDFC-1.0) so that two graphs compare as text, and
// SHACL validation with rdf-validate-shacl.
import fs from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import jsonld from 'jsonld';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';

// parseTurtle returns the quads of a Turtle document.
export function parseTurtle(text, baseIRI) {
  return new N3.Parser({ baseIRI, format: 'text/turtle' }).parse(text);
}

// No remote context may be needed: a document that asks for one fails.
const documentLoader = async (url) => {
  throw new Error(`the JSON-LD asks to load ${url}; it must carry its own context`);
};

// jsonldQuads returns the quads of a JSON-LD document. Safe mode makes a
// key or value that does not expand to an IRI an error rather than
// dropping it silently.
export async function jsonldQuads(doc) {
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true, documentLoader });
  return new N3.Parser({ format: 'application/n-quads' }).parse(nquads);
}

// expand expands a JSON-LD document (safe mode, no remote contexts).
export function expand(doc) {
  return jsonld.expand(doc, { safe: true, documentLoader });
}

// canonical returns the canonical N-Quads of quads.
export async function canonical(quads) {
  const writer = new N3.Writer({ format: 'N-Quads' });
  const nquads = writer.quadsToString(quads);
  return jsonld.canonize(nquads, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads' });
}

const shapesFile = path.join(import.meta.dirname, 'dcat-ap-3.shapes.ttl');

// validate validates quads against the DCAT-AP 3.0 shapes and returns
// the report: conforms, and results with severity, path, focus node and
// message as plain strings.
export async function validate(quads) {
  const shapes = rdf.dataset(parseTurtle(fs.readFileSync(shapesFile, 'utf8')));
  const validator = new SHACLValidator(shapes, { factory: rdf });
  const report = await validator.validate(rdf.dataset(quads));
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({
      severity: r.severity?.value.replace('http://www.w3.org/ns/shacl#', ''),
      path: r.path?.value,
      focusNode: r.focusNode?.value,
      message: r.message.map((m) => m.value).join('; '),
    })),
  };
}

export const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  eu: 'http://publications.europa.eu/resource/authority/',
};

// Graph answers questions about a list of quads.
export class Graph {
  constructor(quads) {
    this.quads = quads;
  }

  // objects returns the objects of subject's statements with predicate.
  objects(subject, predicate) {
    return this.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
  }

  // one returns the single object's value, failing if there is not one.
  one(subject, predicate) {
    const o = this.objects(subject, predicate);
    if (o.length !== 1) throw new Error(`${subject} has ${o.length} ${predicate}, want 1`);
    return o[0].value;
  }

  // ofType returns the subjects of rdf:type type.
  ofType(type) {
    return this.quads.filter((q) => q.predicate.value === ns.rdf + 'type' && q.object.value === type).map((q) => q.subject.value);
  }

  // without returns the graph less the statements that match.
  without(subject, predicate) {
    return this.quads.filter((q) => !(q.subject.value === subject && q.predicate.value === predicate));
  }
}
