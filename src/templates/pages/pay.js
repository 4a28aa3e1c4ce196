// Mounts Stripe's Payment Element for the PaymentIntent the server created. The amount and the
// client secret come from the server; this script never sets a price.
;(function () {
  var form = document.getElementById("payment-form")
  var errorBox = document.getElementById("payment-error")
  function showError(message) {
    errorBox.textContent = message
    errorBox.hidden = false
  }
  if (!window.Stripe) {
    // The page's own words (the catalogs), since this script has no catalog of its own.
    showError(form.dataset.loadError)
    return
  }
  var stripe = window.Stripe(form.dataset.publishableKey)
  // Stripe's form speaks the page's language (its error messages included).
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret, locale: form.dataset.locale || "auto" })
  var container = document.getElementById("payment-element")
  container.textContent = ""
  elements.create("payment").mount(container)
  form.addEventListener("submit", function (event) {
    event.preventDefault()
    var button = document.getElementById("pay-button")
    button.disabled = true
    errorBox.hidden = true
    stripe
      .confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.returnUrl } })
      .then(function (result) {
        // Only reached when Stripe did not redirect: the reason is Stripe's own message.
        if (result.error) {
          showError(result.error.message)
        }
        button.disabled = false
      })
  })
})()
