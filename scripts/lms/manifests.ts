/**
 * The LMS packages' course structures (issue 15), as text: cmi5.xml (cmi5 §13–§14, one AU
 * per module, moveOn CompletedAndPassed, masteryScore the check's pass mark) and the SCORM
 * 1.2 and 2004 imsmanifest.xml (one SCO per module, launched through launch.html).
 */
export interface PackagedModule {
  slug: string;
  title: string;
  passMark: number;
}

export interface PackagedCourse {
  slug: string;
  title: string;
  description: string;
  /** Where the built site is served, without a trailing slash. */
  site: string;
  modules: PackagedModule[];
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function cmi5Xml(course: PackagedCourse): string {
  const units = course.modules.map(
    (
      m,
    ) => `    <au id="${escape(`${course.site}/cmi5/${m.slug}/`)}" moveOn="CompletedAndPassed" masteryScore="${m.passMark}" launchMethod="OwnWindow">
      <title><langstring lang="en-US">${escape(m.title)}</langstring></title>
      <description><langstring lang="en-US">${escape(m.title)}: lessons and knowledge check.</langstring></description>
      <url>${escape(`${course.site}/cmi5/${m.slug}/`)}</url>
    </au>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escape(`${course.site}/courses/${course.slug}/`)}">
    <title><langstring lang="en-US">${escape(course.title)}</langstring></title>
    <description><langstring lang="en-US">${escape(course.description)}</langstring></description>
  </course>
${units.join('\n')}
</courseStructure>
`;
}

/** The files every SCORM package carries besides its manifest. */
export const SCO_FILES = ['launch.html', 'relay.js'] as const;

/** What differs between the SCORM 1.2 and 2004 manifests; the rest is one template. */
interface ScormFlavour {
  suffix: string;
  /** The manifest element's version and namespace attributes. */
  manifestAttributes: string;
  schemaversion: string;
  /** The resource's SCO attribute (1.2 `adlcp:scormtype`, 2004 `adlcp:scormType`). */
  scormTypeAttribute: string;
  /** How an item states its pass mark. */
  mastery(module: PackagedModule): string;
}

function scormManifest(course: PackagedCourse, flavour: ScormFlavour): string {
  const items = course.modules.map(
    (
      m,
    ) => `      <item identifier="item-${m.slug}" identifierref="sco" parameters="?module=${m.slug}">
        <title>${escape(m.title)}</title>
${flavour.mastery(m)}
      </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${course.slug}-${flavour.suffix}" ${flavour.manifestAttributes}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${flavour.schemaversion}</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${escape(course.title)}</title>
${items.join('\n')}
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" ${flavour.scormTypeAttribute}="sco" href="launch.html">
${SCO_FILES.map((f) => `      <file href="${f}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm12Manifest(course: PackagedCourse): string {
  return scormManifest(course, {
    suffix: 'scorm12',
    manifestAttributes: `version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`,
    schemaversion: '1.2',
    scormTypeAttribute: 'adlcp:scormtype',
    mastery: (m) =>
      `        <adlcp:masteryscore>${Math.round(m.passMark * 100)}</adlcp:masteryscore>`,
  });
}

export function scorm2004Manifest(course: PackagedCourse): string {
  return scormManifest(course, {
    suffix: 'scorm2004',
    manifestAttributes: `version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`,
    schemaversion: '2004 4th Edition',
    scormTypeAttribute: 'adlcp:scormType',
    mastery: (m) => `        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${m.slug}-check" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${m.passMark}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`,
  });
}
