/** Names as people really write them (many from public analytics fixtures), for property tests. */
export const MESSY_NAMES: readonly string[] = [
  'order_completed', 'order-completed', 'order completed', 'OrderCompleted', 'orderCompleted', 'ORDER_COMPLETED',
  'Order complete', 'OrDeR complete', ' Order Completed ', 'Order.Completed', 'Home: Viewed', 'Complete Order',
  'Add To Cart', 'add_to_Cart', 'addToCart', 'Added to Cart', 'Add Product to Cart', 'Checkout', 'checkedOut',
  'Sign Up', 'sign_up', 'Signup', 'Sign In With Google', 'Newsletter Sign Up', 'Login', 'login', 'Logout',
  'Page View', 'Custom Page View', 'Screen View', 'view page', 'Search', 'Search Results', 'Purchase',
  'Purchase Event', 'Purchase Complete', 'Product Purchased', 'Select Item', 'AddPaymentInfo', 'CompletePayment',
  'Create Account', 'Delete', 'Subscribe', 'unsubscribe', 'Mark Email as Spam', 'email_marked_as_spam',
  'video_content_playing', 'Product Added To Wishlist', 'HTMLParserLoaded', 'api_key_created', 'utm_source2',
  'step2Completed', 'Bestellung_Abgeschlossen', '注文完了', 'Test Event 2', 'spin_result', 'my-event',
  'Post Created - Draft 7', 'users.messages.email.Open', 'Sales Report', 'Order Status', 'Save Search',
  'Search Order', 'test track with property', 'apiSecret is not present', 'purchased a 🍱', '$groupidentify',
  '[object Object]', '', '___', 'firstName', 'createdAt', 'address.postalCode', 'userIDs', '404_page_viewed',
  '\u0301order completed', 'Enable Auto Renew',
];
