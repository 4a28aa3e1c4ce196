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
    showError("The secure payment form could not load. Check your connection and reload the page.")
    return
  }
  var stripe = window.Stripe(form.dataset.publishableKey)
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret })
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
