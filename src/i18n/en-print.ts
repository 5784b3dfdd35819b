/**
 * English for printables (M6): the flyer, the route sheet and the sign-in sheet, both the
 * pages that make them and the words printed on them. Spread into `en` (en.ts);
 * es-print.ts has the same keys.
 */
export const printEn = {
  'nav.print': 'Printables',

  'print.title': 'Printables',
  'print.intro':
    'Paper for noticeboards, door-knocking and the days when phones or the network are down. Each prints in the language you choose.',
  'print.language': 'Language of the sheet',
  'print.pdfNote': 'Downloads a PDF to print or save.',

  'print.flyer.title': 'Flyer: how to ask for help',
  'print.flyer.help':
    'A QR code to the request form, the web address and, when the network has a number for text messages, the word to text. One part per language.',
  'print.flyer.noSms':
    'This network has no number for text messages yet, so the flyer shows the QR code and the web address only.',
  'print.flyer.languages': 'Languages on the flyer',
  'print.flyer.layout': 'Layout',
  'print.flyer.layout.sections': 'All languages on one page',
  'print.flyer.layout.pages': 'One page per language',
  'print.flyer.download': 'Download the flyer (PDF)',

  'print.signIn.title': 'Sign-in sheet',
  'print.signIn.help':
    'A blank sheet for people to sign in at a distribution or an event, for when phones or the network are down.',
  'print.signIn.sheetTitle': 'Title',
  'print.signIn.sheetTitleHint': 'For example: Saturday food distribution.',
  'print.signIn.date': 'Date',
  'print.signIn.place': 'Place',
  'print.signIn.placeHint': 'For example: Community hall, 5 Mill Road.',
  'print.signIn.rows': 'Number of lines',
  'print.signIn.rowsHint': 'From 1 to 200.',
  'print.signIn.download': 'Download the sign-in sheet (PDF)',

  'print.route.link': 'Print my route sheet',
  'print.route.title': 'Route sheet',
  'print.route.help':
    'A printout of the tasks you hold, with their addresses and phone numbers, for a day on the road. It holds people’s private details: keep it with you and destroy it when you are done. Each print is recorded, like any view of these details.',
  'print.route.date': 'Day',
  'print.route.download': 'Download my route sheet (PDF)',

  'print.dateHint': 'As year-month-day, for example 2026-12-05.',
  'print.error.language': 'Please choose one of the languages offered.',
  'print.error.languages': 'Please choose at least one of the languages offered.',
  'print.error.date': 'Please give a real date as year-month-day, for example 2026-12-05.',
  'print.error.rows': 'Please give a number of lines from 1 to 200.',

  // Printed on the flyer, in each chosen language.
  'print.flyer.heading': 'Need help?',
  'print.flyer.lead':
    'Neighbours helping neighbours: groceries, meals, medicine, rides, someone to talk to. Asking is free, and you can offer help too.',
  'print.flyer.scan': 'Scan the code with a phone camera, or open:',
  'print.flyer.text': 'No internet? Text {keyword} to {number}',
  'print.flyer.textHint': 'We will ask a few short questions by text message.',

  // Printed on the route sheet and the sign-in sheet.
  'print.sheet.date': 'Date: {date}',
  'print.sheet.place': 'Place: {place}',
  'print.sheet.page': 'Page {page} of {pages}',
  'print.route.heading': 'Route sheet of {name}',
  'print.route.private':
    'Private: this sheet holds neighbours’ addresses and phone numbers. Keep it with you and destroy it after use.',
  'print.route.none': 'You hold no tasks right now.',
  'print.route.notThatDay': 'Not on this day',
  'print.col.number': 'No.',
  'print.col.task': 'Task',
  'print.col.name': 'Name',
  'print.col.address': 'Address',
  'print.col.phone': 'Phone',
  'print.col.when': 'When',
  'print.col.notes': 'Notes',
  'print.col.done': 'Done',
  'print.col.household': 'People at home',
  'print.col.area': 'Street or area',
  'print.col.signature': 'Signature',

  'audit.action.route_sheet.printed': 'Route sheet printed',
};
