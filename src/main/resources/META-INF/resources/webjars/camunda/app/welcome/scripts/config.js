// Callback Ladder: the Welcome page (after signing in to Tasklist, Cockpit or Admin) links to the
// practice managers' dashboard. Replaces the webapp's own config.js, which sets nothing.
export default {
  links: [
    {
      label: 'Callback dashboard',
      href: '/dashboard',
      description: 'Whether patients get through: volume, time to first call, reach, booking, open requests (practice managers)'
    }
  ]
};
