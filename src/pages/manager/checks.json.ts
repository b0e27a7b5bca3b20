/**
 * `/manager/checks.json`: the course's knowledge checks with their questions, for the
 * manager dashboard to mark imported check attempts again from their answers (issue 11).
 * A separate file fetched when the dashboard opens, like scenarios.json.
 */
import { getCourses } from '../../files/course-collections';
import type { CourseChecks } from '../../records/verify-check';

export async function GET() {
  const courses = await getCourses();
  const checks: CourseChecks[] = courses.map(({ outline, checks }) => ({
    course: outline.slug,
    refresherQuestions: outline.refresherQuestions,
    checks,
  }));
  return new Response(JSON.stringify({ courses: checks }), {
    headers: { 'Content-Type': 'application/json' },
  });
}
