// GOV.UK Frontend's components, once the page has loaded. Every page works without this.
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
